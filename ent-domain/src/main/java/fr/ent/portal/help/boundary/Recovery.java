package fr.ent.portal.help.boundary;

import fr.ent.portal.mail.entity.EmailShape;

import java.util.List;
import java.util.Locale;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.signin.boundary.SignInProtection;

/**
 * The help forms' entry: "forgotten password" and "forgotten identifier". The answer never depends on what was
 * typed: this method only checks the shape of the input and the client address's budget, audits the request, and
 * hands the lookup and the mails to {@link RecoveryWork} in the background, so that an existing and an unknown
 * identifier or email take the same path and the same time here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Recovery {

    /** Longest identifier or email looked at; anything longer cannot be one of ours. */
    static final int MAX_TYPED = 254;

    @EJB
    RecoveryWork work;

    @EJB
    AuditTrail audit;

    @EJB
    FormSubmissions submissions;

    @Inject
    SignInProtection protection;

    @Inject
    java.time.Clock clock;

    /**
     * "I forgot my password": an identifier or an email. Over the address's budget, nothing happens (same answer).
     * {@code formToken} is the anti-forgery token the form was sent with: the same form sent again (same token, same
     * identifier) is audited as {@code FORM_RESENT} and not acted on again ({@link FormSubmissions}).
     */
    public void forgottenPassword(String typed, Client client, String formToken) {
        String key = normalized(typed);
        if (key.isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("typed",
                    "help.password.error.required")));
        }
        if (!protection.recoveryRateLimiter().tryAcquire(client.ip(), clock.instant())) {
            audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, null, key, client.ip(), client.userAgent(),
                    "ip-rate-limited");
            return;
        }
        if (!submissions.first("help/password", formToken, key)) { // after the budget: it bounds what is written
            audit.record(AuditEventType.FORM_RESENT, null, key, client.ip(), client.userAgent(), "help/password");
            return;
        }
        audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, null, key, client.ip(), client.userAgent(), null);
        work.forgottenPassword(key, client);
    }

    /** "I forgot my identifier": an email (its shape is checked, which tells nothing about accounts); sent once. */
    public void forgottenIdentifier(String typedEmail, Client client, String formToken) {
        String email = normalized(typedEmail);
        if (email.isEmpty() || !EmailShape.isValid(email)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("email",
                    email.isEmpty() ? "help.identifier.error.required" : "account.recoveryEmail.invalid")));
        }
        if (!protection.recoveryRateLimiter().tryAcquire(client.ip(), clock.instant())) {
            audit.record(AuditEventType.IDENTIFIER_REMINDER_REQUESTED, null, email, client.ip(), client.userAgent(),
                    "ip-rate-limited");
            return;
        }
        if (!submissions.first("help/identifier", formToken, email)) {
            audit.record(AuditEventType.FORM_RESENT, null, email, client.ip(), client.userAgent(), "help/identifier");
            return;
        }
        audit.record(AuditEventType.IDENTIFIER_REMINDER_REQUESTED, null, email, client.ip(), client.userAgent(), null);
        work.identifierReminder(email, client);
    }

    /** Trimmed, lower case, bounded: junk cannot grow memory or logs. */
    static String normalized(String typed) {
        if (typed == null) {
            return "";
        }
        String key = typed.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_TYPED ? key.substring(0, MAX_TYPED) : key;
    }
}
