package fr.ent.portal.mail.entity;

import java.util.List;
import java.util.Set;

/**
 * The mails the portal sends. Each names its parameters in the order of the bundle's placeholders
 * ({@code {0}}, {@code {1}}…); the texts are in {@code fr/ent/portal/mail/mails.properties} under
 * {@code <NAME>.subject} and {@code <NAME>.body}. Parameters listed as links become clickable in the HTML part
 * (http and https only).
 */
public enum MailTemplate {

    /** A link to verify a recovery email; {@code validHours} is a number. */
    EMAIL_VERIFICATION(List.of("firstName", "link", "validHours"), Set.of("link")),
    /**
     * "Was it you?" after a temporary lock: {@code time} (Instant, shown in the schools' time zone),
     * {@code client} (browser and address summary), {@code lockMinutes}, {@code helpLink}.
     */
    ACCOUNT_LOCKED_NOTICE(List.of("firstName", "time", "client", "lockMinutes", "helpLink"), Set.of("helpLink")),
    /** An administrator removed the account's second factors (issue 24). */
    FACTORS_RESET_NOTICE(List.of("firstName", "time", "helpLink"), Set.of("helpLink")),
    /** The password was changed at {@code time}. */
    PASSWORD_CHANGED_NOTICE(List.of("firstName", "time", "helpLink"), Set.of("helpLink")),
    /** Sent to the OLD address: the recovery email became {@code newEmail} (give it masked) at {@code time}. */
    EMAIL_CHANGED_NOTICE(List.of("firstName", "time", "newEmail", "helpLink"), Set.of("helpLink")),
    /** A link to choose a new password, valid {@code validMinutes}. */
    PASSWORD_RESET(List.of("firstName", "link", "validMinutes"), Set.of("link")),
    /** {@code identifiers}: one line per account, preformatted ("j.dupont1 – Lycée Victor Hugo"). */
    IDENTIFIER_REMINDER(List.of("identifiers", "signInLink"), Set.of("signInLink")),
    /** To a principal teacher: {@code requester} of {@code division} asks for help; {@code link} to the request. */
    HELP_REQUEST_NOTICE(List.of("firstName", "requester", "division", "link"), Set.of("link")),
    /**
     * To a person linked to several establishments: {@code establishment} printed a new activation letter for them at
     * {@code time} (their password no longer works); {@code helpLink} if they did not expect it (issue 20).
     */
    CODE_REISSUED_ELSEWHERE(List.of("firstName", "establishment", "time", "helpLink"), Set.of("helpLink")),
    /**
     * To the region's address (issue 25): the AAF feed's {@code files} (names, one a line) failed at {@code time} with
     * {@code errorCount} errors, the first ones in {@code errors} (one a line); nothing of them was written;
     * {@code link} to the status page.
     */
    DIRECTORY_FEED_FAILED(List.of("files", "time", "errorCount", "errors", "link"), Set.of("link"));

    private final List<String> parameters;
    private final Set<String> links;

    MailTemplate(List<String> parameters, Set<String> links) {
        this.parameters = parameters;
        this.links = links;
    }

    /** Parameter names, in placeholder order. */
    public List<String> parameters() {
        return parameters;
    }

    public boolean isLink(String parameter) {
        return links.contains(parameter);
    }

    public String subjectKey() {
        return name() + ".subject";
    }

    public String bodyKey() {
        return name() + ".body";
    }
}
