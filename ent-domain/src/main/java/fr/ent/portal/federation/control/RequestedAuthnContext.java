package fr.ent.portal.federation.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;

/**
 * An AuthnRequest's {@code RequestedAuthnContext} (SAML 2.0 core, 3.3.2.2.1) and the rule that answers it: which of
 * the requested classes a sign-in satisfies, named in the assertion's {@code AuthnContextClassRef}. A sign-in made
 * with a password is {@code PasswordProtectedTransport}; with a password and an authenticator app, or a passkey, REFEDS
 * MFA; by a remembered device, {@code PreviousSession} (the mapping of {@link SamlMessages#authnContextClass}, from
 * {@code sso.control.SignInMethod}'s {@code amr}). The four comparisons, over the order PreviousSession &lt;
 * PasswordProtectedTransport &lt; REFEDS MFA:
 * <ul>
 * <li>{@code exact} (the default): the sign-in's own class is one of those requested; the answer names it;</li>
 * <li>{@code minimum}: the first requested class the sign-in is at least as strong as, named as requested; but
 * PasswordProtectedTransport only when the sign-in used a password (a passkey is stronger, yet no password);</li>
 * <li>{@code better}: the sign-in is stronger than one requested class; the answer names the sign-in's own class;</li>
 * <li>{@code maximum}: the sign-in is as strong as one requested class at most; the answer names its own class.</li>
 * </ul>
 * A class the portal does not know is never satisfied. Nothing satisfied: the provider gets a {@code NoAuthnContext}
 * answer, never an assertion.
 */
public record RequestedAuthnContext(String comparison, List<String> classes) {

    /** At most so many requested classes; each at most {@link #MAX_CLASS} characters. */
    public static final int MAX_CLASSES = 10;
    public static final int MAX_CLASS = 300;
    private static final List<String> COMPARISONS = List.of("exact", "minimum", "better", "maximum");
    private static final Map<String, Integer> STRENGTH = Map.of(SamlMessages.PREVIOUS_SESSION, 0,
            SamlMessages.PASSWORD_PROTECTED, 1, SamlMessages.REFEDS_MFA, 2);

    public RequestedAuthnContext {
        classes = List.copyOf(classes);
    }

    /**
     * The {@code RequestedAuthnContext} child of an AuthnRequest, or null when it has none.
     *
     * @throws SamlRefused {@code authn_context}: an unknown comparison, too many or too long classes
     */
    public static RequestedAuthnContext read(Element authnRequest) {
        Element requested = SamlXml.child(authnRequest, SamlXml.PROTOCOL, "RequestedAuthnContext");
        if (requested == null) {
            return null;
        }
        String comparison = requested.getAttribute("Comparison").isEmpty() ? "exact" : requested.getAttribute("Comparison");
        List<String> classes = SamlXml.children(requested, SamlXml.ASSERTION, "AuthnContextClassRef").stream()
                .map(e -> e.getTextContent().strip()).toList();
        if (!COMPARISONS.contains(comparison) || classes.size() > MAX_CLASSES
                || classes.stream().anyMatch(c -> c.isEmpty() || c.length() > MAX_CLASS || c.contains(" "))) {
            throw new SamlRefused("authn_context");
        }
        return new RequestedAuthnContext(comparison, classes);
    }

    /**
     * The class the assertion names for a sign-in of this {@code amr} ({@code pwd}, {@code mfa}, {@code hwk},
     * {@code device}), or empty when the sign-in satisfies none of the requested classes.
     */
    public Optional<String> answer(String amr) {
        String own = SamlMessages.authnContextClass(amr);
        int strength = STRENGTH.get(own);
        boolean password = "pwd".equals(amr) || "mfa".equals(amr);
        for (String requested : classes) {
            Integer wanted = STRENGTH.get(requested);
            if (wanted == null) {
                continue;
            }
            boolean satisfied = switch (comparison) {
                case "minimum" -> strength >= wanted
                        && (!SamlMessages.PASSWORD_PROTECTED.equals(requested) || password);
                case "better" -> strength > wanted;
                case "maximum" -> strength <= wanted;
                default -> own.equals(requested);
            };
            if (satisfied) {
                return Optional.of("minimum".equals(comparison) ? requested : own);
            }
        }
        return Optional.empty();
    }

    /** The cookie form: the comparison and the classes, separated by spaces (a class holds none). */
    public String encode() {
        return comparison + (classes.isEmpty() ? "" : " " + String.join(" ", classes));
    }

    /** What {@link #encode} wrote; null for null or anything else. */
    public static RequestedAuthnContext decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(" ");
        if (!COMPARISONS.contains(parts[0]) || parts.length - 1 > MAX_CLASSES) {
            return null;
        }
        return new RequestedAuthnContext(parts[0], Arrays.asList(parts).subList(1, parts.length));
    }
}
