package fr.ent.portal.establishment.entity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a registered service may be sent with a ticket: an exact prefix ({@code https://host/path/}: the host is
 * followed by a path, so {@code https://host.evil.example/} never matches) or a regular expression that must match
 * the whole URL and begins with {@code ^https://} and a fixed, escaped host ({@code ^https://pronote\.example\.fr/}).
 * A candidate URL is first checked by {@link ServiceAddress}; its origin must then be the pattern's origin. Registered
 * expressions run on RE2/J (linear time: a pathological pattern such as {@code (a+)+$} cannot hold a thread); a
 * syntax RE2/J does not know (back-references, look-arounds) is refused at registration.
 */
public record ServicePattern(PatternKind kind, String value) {

    public static final int MAX_LENGTH = 500;

    /** {@code ^https://} then a literal host (labels, dots escaped), an optional port and a slash. */
    private static final Pattern REGEX_HEAD = Pattern.compile(
            "\\^https://((?:[a-z0-9-]+\\\\\\.)+[a-z0-9-]+)(:[0-9]{1,5})?/");

    /** The problems of a pattern as typed (message keys), none when it can be registered. */
    public static List<String> errors(PatternKind kind, String value, boolean loopbackHttp) {
        List<String> errors = new ArrayList<>();
        if (kind == null) {
            return errors;
        }
        if (value == null || value.isBlank()) {
            errors.add("sso.pattern.required");
        } else if (value.length() > MAX_LENGTH) {
            errors.add("sso.pattern.too_long");
        } else if (kind == PatternKind.PREFIX) {
            if (ServiceAddress.parse(value, loopbackHttp).isEmpty()) {
                errors.add("sso.pattern.prefix_invalid");
            }
        } else if (regexOrigin(value).isEmpty()) {
            errors.add("sso.pattern.regex_host");
        } else {
            try {
                com.google.re2j.Pattern.compile(value);
            } catch (com.google.re2j.PatternSyntaxException e) {
                errors.add("sso.pattern.regex_syntax");
            }
        }
        return errors;
    }

    /** True when the candidate is a safe address ({@link ServiceAddress}) this pattern allows. */
    public boolean allows(String candidate, boolean loopbackHttp) {
        Optional<URI> uri = ServiceAddress.parse(candidate, loopbackHttp);
        if (uri.isEmpty()) {
            return false;
        }
        String origin = ServiceAddress.origin(uri.get());
        if (kind == PatternKind.PREFIX) {
            Optional<URI> prefix = ServiceAddress.parse(value, loopbackHttp);
            return prefix.isPresent() && candidate.startsWith(value)
                    && origin.equals(ServiceAddress.origin(prefix.get()));
        }
        Optional<String> regexOrigin = regexOrigin(value);
        if (regexOrigin.isEmpty()) {
            return false;
        }
        try {
            // RE2/J: linear in the URL's length whatever the pattern (no backtracking, no back-references)
            return origin.equals(regexOrigin.get()) && com.google.re2j.Pattern.compile(value).matcher(candidate).matches();
        } catch (com.google.re2j.PatternSyntaxException e) {
            return false;
        }
    }

    /** The origin a regular expression is pinned to ({@code https://host[:port]}), if it is pinned. */
    static Optional<String> regexOrigin(String regex) {
        Matcher head = REGEX_HEAD.matcher(regex);
        if (!head.lookingAt()) {
            return Optional.empty();
        }
        String host = head.group(1).replace("\\.", ".").toLowerCase(Locale.ROOT);
        String port = head.group(2) == null ? "" : head.group(2);
        return Optional.of("https://" + host + port);
    }
}
