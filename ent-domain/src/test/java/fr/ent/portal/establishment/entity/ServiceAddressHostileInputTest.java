package fr.ent.portal.establishment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.hostile.HostileCorpus;

/**
 * Issue 10: a hostile {@code service} address never matches a registered service it should not. Whatever is
 * appended to, inserted in or put before a registered prefix, a candidate the registry allows has exactly the
 * registered origin, no user info, no control, space, backslash or non-ASCII character, and starts with the prefix
 * (or matches the pinned regular expression); parsing never throws.
 */
class ServiceAddressHostileInputTest {

    private static final String PREFIX_VALUE = "https://pronote.example.fr/eleve/";
    private static final ServicePattern PREFIX = new ServicePattern(PatternKind.PREFIX, PREFIX_VALUE);
    private static final ServicePattern REGEX = new ServicePattern(PatternKind.REGEX,
            "^https://pix\\.example\\.fr/(connexion|cas)\\?.*");
    private static final String ORIGIN_PIX = "https://pix.example.fr";

    @Property(tries = 1000)
    void aHostileAddressMatchesOnlyItsOwnOrigin(@ForAll("candidates") String candidate) {
        Optional<URI> parsed = ServiceAddress.parse(candidate, false);
        parsed.ifPresent(uri -> {
            assertTrue(candidate.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '\\'), candidate);
            assertTrue(uri.getRawUserInfo() == null, candidate);
        });
        if (PREFIX.allows(candidate, false)) {
            assertTrue(candidate.startsWith(PREFIX_VALUE), candidate);
            assertEquals("https://pronote.example.fr", ServiceAddress.origin(parsed.orElseThrow()), candidate);
            String path = parsed.get().getRawPath();
            assertTrue(!path.contains("/../") && !path.contains("/./") && !path.contains("//"), candidate);
        }
        if (REGEX.allows(candidate, false)) {
            assertEquals(ORIGIN_PIX, ServiceAddress.origin(parsed.orElseThrow()), candidate);
        }
    }

    @Property(tries = 300)
    void registeringAHostilePatternNeverThrows(@ForAll("candidates") String pattern) {
        for (PatternKind kind : PatternKind.values()) {
            if (ServicePattern.errors(kind, pattern, false).isEmpty() && kind == PatternKind.PREFIX) {
                assertTrue(ServiceAddress.parse(pattern, false).isPresent(), pattern);
            }
        }
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> hostile = Arbitraries.oneOf(HostileCorpus.strings(), Arbitraries.of(
                "@evil.example/", ".evil.example/", ":443@evil.example/", "%2F..%2F", "/../../admin", "\\@evil.example",
                "%00", "#@evil.example/", "?x=@evil.example", "%40evil.example", "//evil.example/", "../", "./",
                "\u3002evil.example/", "%2e%2e/", ":8443/", "\u00e9", " ", "\t", "?", "&", "@"));
        Arbitrary<String> bases = Arbitraries.of(PREFIX_VALUE, "https://pronote.example.fr", "https://pronote.example.fr/",
                "https://pix.example.fr/connexion?", "https://pix.example.fr/cas?x=", "https://pix.example.fr", "http://",
                "https://", "", "https://evil.example/", "HTTPS://PRONOTE.EXAMPLE.FR/eleve/");
        return Combinators.combine(bases, hostile, hostile.list().ofMaxSize(2))
                .as((base, middle, tail) -> base + middle + String.join("", tail));
    }
}
