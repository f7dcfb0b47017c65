package fr.ent.portal.establishment.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code service} URL of a CAS request, before it is compared with the registry: it must be a plain absolute
 * address whose host nobody can disguise. Refused: anything but https (http only for {@code localhost} and
 * {@code 127.0.0.1} when the loopback setting allows it), a user name, {@code @} anywhere before the query, a backslash,
 * spaces, control or non-ASCII characters, a fragment, an empty host ({@code https:////host}), a path that is
 * empty, holds {@code //}, a {@code .} or {@code ..} segment, and encoded slashes, backslashes, at signs, dots,
 * percent signs, NUL or semicolons before the query ({@code %2F}, {@code %5C}, {@code %40}, {@code %2E},
 * {@code %25}, {@code %00}, {@code %3B}), and any path parameter ({@code ;} before the query: {@code ..;/},
 * {@code ;jsessionid=}). Longer than {@value #MAX_LENGTH} characters: refused.
 */
public final class ServiceAddress {

    public static final int MAX_LENGTH = 2000;

    private static final List<String> ENCODED_TRICKS = List.of("%2f", "%5c", "%40", "%2e", "%25", "%00",
            "%3b");
    private static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1");

    private ServiceAddress() {
    }

    /** The parsed address when it is safe to compare and to redirect to; empty otherwise. */
    public static Optional<URI> parse(String raw, boolean loopbackHttp) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>' || c == '`' || c == '#'
                    || c == '{' || c == '}' || c == '|' || c == '^') {
                return Optional.empty();
            }
        }
        int query = raw.indexOf('?');
        String beforeQuery = (query < 0 ? raw : raw.substring(0, query)).toLowerCase(Locale.ROOT);
        // a path parameter (..;/, ;jsessionid=…) is read differently by proxies, Tomcat/Jetty and the CAS client
        if (beforeQuery.contains("@") || beforeQuery.indexOf(';') >= 0 || ENCODED_TRICKS.stream().anyMatch(beforeQuery::contains)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        String authority = uri.getRawAuthority();
        String path = uri.getRawPath();
        if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty() || authority == null
                || authority.contains("@") || uri.getRawUserInfo() != null || path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        boolean https = "https".equals(scheme);
        boolean loopback = loopbackHttp && "http".equals(scheme) && LOOPBACK_HOSTS.contains(host);
        if (!https && !loopback) {
            return Optional.empty();
        }
        if (!raw.startsWith(scheme + "://" + authority + "/") || badPath(path)) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private static boolean badPath(String path) {
        if (path.contains("//")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (".".equals(segment) || "..".equals(segment)) {
                return true;
            }
        }
        return false;
    }

    /** Scheme, host and port of a parsed address, lower case ({@code https://host:port}, port when given). */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
