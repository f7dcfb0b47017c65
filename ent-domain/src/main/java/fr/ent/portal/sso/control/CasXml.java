package fr.ent.portal.sso.control;

import fr.ent.portal.establishment.entity.ReleasedAttribute;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.ent.portal.mail.control.Html;

/**
 * The XML answers of the CAS protocol (namespace {@value #NAMESPACE}) and the single-logout request, written with
 * every text escaped. Attribute names are element names from {@link ReleasedAttribute} and the fixed CAS 3.0 ones.
 */
public final class CasXml {

    public static final String NAMESPACE = "http://www.yale.edu/tp/cas";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String INVALID_TICKET = "INVALID_TICKET";
    public static final String INVALID_SERVICE = "INVALID_SERVICE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String UNAUTHORIZED_SERVICE_PROXY = "UNAUTHORIZED_SERVICE_PROXY";

    private CasXml() {
    }

    /** A successful validation; {@code attributes} null for the CAS 2.0 answer without an attributes block. */
    public static String success(String user, Map<String, List<String>> attributes) {
        StringBuilder xml = new StringBuilder(512).append(open()).append("  <cas:authenticationSuccess>\n")
                .append("    <cas:user>").append(escape(user)).append("</cas:user>\n");
        if (attributes != null) {
            xml.append("    <cas:attributes>\n");
            attributes.forEach((name, values) -> values.forEach(value -> xml.append("      <cas:").append(name)
                    .append('>').append(escape(value)).append("</cas:").append(name).append(">\n")));
            xml.append("    </cas:attributes>\n");
        }
        return xml.append("  </cas:authenticationSuccess>\n").append(close()).toString();
    }

    /** A refused validation with its code and a short text. */
    public static String failure(String code, String message) {
        return open() + "  <cas:authenticationFailure code=\"" + escape(code) + "\">" + escape(message)
                + "</cas:authenticationFailure>\n" + close();
    }

    /** A refused {@code /cas/proxy} request. */
    public static String proxyFailure(String code, String message) {
        return open() + "  <cas:proxyFailure code=\"" + escape(code) + "\">" + escape(message)
                + "</cas:proxyFailure>\n" + close();
    }

    /** The SAML {@code LogoutRequest} posted to a service (parameter {@code logoutRequest}) at single logout. */
    public static String logoutRequest(String requestId, Instant issued, String ticketId) {
        return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + escape(requestId)
                + "\" Version=\"2.0\" IssueInstant=\"" + issued + "\"><saml:NameID>@NOT_USED@</saml:NameID>"
                + "<samlp:SessionIndex>" + escape(ticketId) + "</samlp:SessionIndex></samlp:LogoutRequest>";
    }

    private static String open() {
        return "<cas:serviceResponse xmlns:cas=\"" + NAMESPACE + "\">\n";
    }

    private static String close() {
        return "</cas:serviceResponse>\n";
    }

    /** XML text and attribute escaping ({@link Html#escape}); characters XML 1.0 cannot carry become U+FFFD. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().forEach(c -> clean.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : (char) c));
        return Html.escape(clean.toString());
    }
}
