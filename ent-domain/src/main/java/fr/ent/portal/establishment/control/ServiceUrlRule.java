package fr.ent.portal.establishment.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address of a service offered from the portal: an absolute {@code https://} URL with a host, no spaces, no
 * user name or password in it, at most {@value #MAX_LENGTH} characters. Anything else (http, javascript:, data:,
 * a relative path) is refused: the tile is a link families click.
 */
public final class ServiceUrlRule {

    public static final int MAX_LENGTH = 500;

    private ServiceUrlRule() {
    }

    public static boolean isValid(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH || !url.equals(url.strip())) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && url.regionMatches(true, 0, "https://", 0, 8)
                    && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
