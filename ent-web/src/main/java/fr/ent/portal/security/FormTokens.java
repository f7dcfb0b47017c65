package fr.ent.portal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Anti-forgery tokens of the public forms (sign-in, first connection, reset, help) that need no script (issue 21,
 * item 3). The browser holds a random binding in the short cookie {@value #COOKIE} (HttpOnly, SameSite=Lax, for the
 * browser's session only; cleared at sign-out); each form carries in its hidden field {@value #PARAMETER} the token
 * {@code expiry.nonce.signature}, the signature being HMAC-SHA256 ({@link Signatures}, purpose {@value #PURPOSE}) of
 * the binding, the expiry and the nonce. The nonce makes each rendering's token its own, so that the same form sent
 * twice can be told from the form shown again and sent anew (the help forms act once per sending). A post is acted on only when its token is signed for the binding its browser holds and not
 * expired: another site can neither read the token nor make the browser send the cookie with a cross-site POST
 * (SameSite=Lax), and a form kept from before a sign-out no longer matches the new binding. No session is needed.
 */
@Named
@ApplicationScoped
public class FormTokens {

    public static final String COOKIE = "ent_form";
    public static final String PARAMETER = "ent_form_token";
    static final String PURPOSE = "form-token";
    /** Request attribute: the binding of this request (the cookie's, or a new one set on this response). */
    static final String BINDING = "ent.form.binding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** Longest binding or token read (a longer value is forged). */
    private static final int MAX_LENGTH = 128;

    /** What a posted form's token is worth. */
    public enum Status { VALID, MISSING, UNBOUND, FORGED, EXPIRED }

    @Inject
    Signatures signatures;

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    private Duration validity;

    @PostConstruct
    void configure() {
        validity = settings.getDuration(Setting.SECURITY_FORM_TOKEN_VALIDITY);
    }

    /** Before a form page renders: the browser's binding, or a new one set in the cookie on this response. */
    public void bind(HttpServletRequest request, HttpServletResponse response) {
        String binding = binding(request);
        if (binding == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            binding = B64.encodeToString(random);
            response.addCookie(clients.newCookie(request, COOKIE, binding, -1));
        }
        request.setAttribute(BINDING, binding);
    }

    /** The token for the forms of this request's page (EL: {@code #{formTokens.token}}). */
    public String getToken() {
        return token(org.omnifaces.util.Faces.getRequest());
    }

    /**
     * The page's script nonce (PrimeFaces' CSP), rendered in a hidden field so that a form posted without script
     * carries it as PrimeFaces' script would; empty when CSP is off.
     */
    public String getScriptNonce() {
        jakarta.faces.context.FacesContext context = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (!org.primefaces.context.PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return "";
        }
        return org.primefaces.context.PrimeFacesContext.getCspState(context).getNonce();
    }

    public String token(HttpServletRequest request) {
        Object bound = request.getAttribute(BINDING);
        String binding = bound instanceof String b ? b : binding(request);
        if (binding == null) {
            return ""; // never bound (the guard filter did not run): any post of this form is refused
        }
        long expiry = clock.instant().plus(validity).getEpochSecond();
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        String signed = expiry + "." + B64.encodeToString(random);
        return signed + "." + signatures.sign(PURPOSE, binding + "." + signed);
    }

    /** What the token posted with this request is worth. */
    public Status check(HttpServletRequest request) {
        String token = request.getParameter(PARAMETER);
        if (token == null || token.isEmpty()) {
            return Status.MISSING;
        }
        String binding = binding(request);
        if (binding == null) {
            return Status.UNBOUND;
        }
        int dot = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (token.length() > MAX_LENGTH || dot <= 0 || last <= dot + 1) {
            return Status.FORGED;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Status.FORGED;
        }
        if (!signatures.verify(PURPOSE, binding + "." + token.substring(0, last), token.substring(last + 1))) {
            return Status.FORGED;
        }
        return expiry < clock.instant().getEpochSecond() ? Status.EXPIRED : Status.VALID;
    }

    /**
     * The token this POST carried ({@link FormGuardFilter} let it through only when valid): what tells one sending
     * of a form from the same form sent again by a double click, a reload or the back button.
     */
    public String posted(HttpServletRequest request) {
        return request.getParameter(PARAMETER);
    }

    /** At sign-out: the binding goes, so that no form kept from before is acted on. */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(clients.newCookie(request, COOKIE, "", 0));
    }

    private static String binding(HttpServletRequest request) {
        String value = Clients.cookie(request, COOKIE);
        return value == null || value.isEmpty() || value.length() > MAX_LENGTH ? null : value;
    }
}
