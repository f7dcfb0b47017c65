package fr.ent.portal.establishment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry's address rules: each trick that could turn /cas/login into an open redirect is refused. */
class ServicePatternTest {

    static final ServicePattern PREFIX = new ServicePattern(PatternKind.PREFIX, "https://pronote.example.fr/pronote/");
    static final ServicePattern REGEX = new ServicePattern(PatternKind.REGEX,
            "^https://pronote\\.example\\.fr/(pronote|eleve)/[a-z.]*(\\?.*)?$");

    @ParameterizedTest
    @ValueSource(strings = {
            "https://pronote.example.fr/pronote/",
            "https://pronote.example.fr/pronote/eleve.html",
            "https://pronote.example.fr/pronote/eleve.html?login=true&fd=1",
            "https://pronote.example.fr/pronote/?next=%2Fhome"})
    void theRegisteredAddressesPass(String service) {
        assertTrue(PREFIX.allows(service, false), service);
        assertTrue(REGEX.allows(service, false), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // other hosts, and hosts that merely start like the registered one
            "https://evil.example.com/pronote/",
            "https://pronote.example.fr.evil.com/pronote/",
            "https://pronote.example.frevil.com/pronote/",
            "https://pronote.example.fr:8443/pronote/",
            // @: a user name, the real host after it
            "https://pronote.example.fr@evil.com/pronote/",
            "https://pronote.example.fr/pronote/@evil.com",
            "https://user:pass@pronote.example.fr/pronote/",
            // //: an empty host, a scheme-relative address, doubled slashes in the path
            "https:////evil.com/pronote/",
            "//evil.com/pronote/",
            "https://pronote.example.fr//evil.com/",
            "https://pronote.example.fr/pronote//evil.com/",
            // \: read as / by browsers
            "https://pronote.example.fr\\@evil.com/pronote/",
            "https://evil.com\\pronote.example.fr/pronote/",
            "https://pronote.example.fr/pronote/\\evil",
            // %2F and other encoded tricks before the query
            "https://pronote.example.fr%2F@evil.com/pronote/",
            "https://pronote.example.fr/pronote/%2F%2Fevil.com",
            "https://pronote.example.fr/pronote/..%2F..%2Fadmin",
            "https://pronote.example.fr/pronote/%2e%2e/admin",
            "https://pronote.example.fr/pronote/%5cevil",
            "https://pronote.example.fr%40evil.com/pronote/",
            "https://pronote.example.fr/pronote/%252F",
            "https://pronote.example.fr/pronote/%00",
            // dot segments
            "https://pronote.example.fr/pronote/../admin/",
            "https://pronote.example.fr/pronote/./x",
            // other schemes, relative or odd addresses
            "http://pronote.example.fr/pronote/",
            "HTTPS://pronote.example.fr/pronote/",
            "javascript:alert(1)//https://pronote.example.fr/pronote/",
            "data:text/html,https://pronote.example.fr/pronote/",
            "/pronote/",
            "pronote.example.fr/pronote/",
            "",
            // spaces, controls, fragments, non-ASCII look-alikes
            " https://pronote.example.fr/pronote/",
            "https://pronote.example.fr/pronote/\r\nLocation: https://evil.com/",
            "https://pronote.example.fr/pronote/\t",
            "https://pronote.example.fr/pronote/#@evil.com",
            "https://pronоte.example.fr/pronote/"})
    void everyTrickIsRefusedByBothKinds(String service) {
        assertFalse(PREFIX.allows(service, false), service);
        assertFalse(REGEX.allows(service, false), service);
        assertTrue(ServiceAddress.parse(service, false).isEmpty()
                || !ServiceAddress.origin(ServiceAddress.parse(service, false).get()).equals("https://pronote.example.fr"),
                "refused by the address check itself, or another origin: " + service);
    }

    @Test
    void aVeryLongAddressIsRefused() {
        assertFalse(PREFIX.allows(PREFIX.value() + "a".repeat(ServiceAddress.MAX_LENGTH), false));
    }

    @Test
    void aRegexAlternationCannotReachAnotherHost() {
        ServicePattern sneaky = new ServicePattern(PatternKind.REGEX, "^https://pronote\\.example\\.fr/.*|https://evil\\.com/.*");
        assertTrue(ServicePattern.errors(sneaky.kind(), sneaky.value(), false).isEmpty(), "the head is pinned");
        assertTrue(sneaky.allows("https://pronote.example.fr/x", false));
        assertFalse(sneaky.allows("https://evil.com/x", false), "the origin must be the pinned one");
    }

    @Test
    void loopbackHttpOnlyWhenAllowedAndOnlyOnLoopback() {
        ServicePattern local = new ServicePattern(PatternKind.PREFIX, "http://localhost:8081/app/");
        assertTrue(local.allows("http://localhost:8081/app/", true));
        assertFalse(local.allows("http://localhost:8081/app/", false), "setting off: no http at all");
        assertTrue(ServicePattern.errors(PatternKind.PREFIX, "http://localhost:8081/app/", false)
                .contains("sso.pattern.prefix_invalid"));
        assertTrue(ServicePattern.errors(PatternKind.PREFIX, "http://evil.com/app/", true)
                .contains("sso.pattern.prefix_invalid"), "http elsewhere than loopback, never");
        assertFalse(local.allows("http://localhost:8082/app/", true), "another port is another origin");
    }

    @Test
    void patternsAreCheckedWhenRegistered() {
        assertEquals(List.of(), ServicePattern.errors(PREFIX.kind(), PREFIX.value(), false));
        assertEquals(List.of(), ServicePattern.errors(REGEX.kind(), REGEX.value(), false));
        assertEquals(List.of(), ServicePattern.errors(null, null, false), "no single sign-on: nothing to check");
        assertEquals(List.of("sso.pattern.required"), ServicePattern.errors(PatternKind.PREFIX, " ", false));
        assertEquals(List.of("sso.pattern.too_long"), ServicePattern.errors(PatternKind.PREFIX,
                "https://a.fr/" + "a".repeat(ServicePattern.MAX_LENGTH), false));
        for (String prefix : List.of("https://pronote.example.fr", "https://pronote.example.fr@evil.com/",
                "http://pronote.example.fr/", "https://pronote.example.fr\\/", "pronote.example.fr/")) {
            assertEquals(List.of("sso.pattern.prefix_invalid"), ServicePattern.errors(PatternKind.PREFIX, prefix, false),
                    prefix);
        }
        for (String regex : List.of(".*", "https://pronote\\.example\\.fr/.*", "^https://pronote.example.fr/.*",
                "^https://.*\\.example\\.fr/.*", "^https?://pronote\\.example\\.fr/", "^https://pronote\\.example\\.fr",
                "^http://localhost/.*")) {
            assertEquals(List.of("sso.pattern.regex_host"), ServicePattern.errors(PatternKind.REGEX, regex, true), regex);
        }
        assertEquals(List.of("sso.pattern.regex_syntax"),
                ServicePattern.errors(PatternKind.REGEX, "^https://pronote\\.example\\.fr/(unclosed", false));
    }

    // ---- issue 20, item 5 ----------------------------------------------------------------------------------

    /** Path parameters: Tomcat-style servers read {@code /pronote/..;/admin} as {@code /admin}. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://pronote.example.fr/pronote/..;/admin/",
            "https://pronote.example.fr/pronote/..;x=y/admin",
            "https://pronote.example.fr/pronote/.;/eleve.html",
            "https://pronote.example.fr/pronote;/eleve.html",
            "https://pronote.example.fr/pronote/eleve.html;jsessionid=ABC",
            "https://pronote.example.fr/pronote/;jsessionid=ABC?next=1",
            "https://pronote.example.fr/pronote/%2e%2e;/admin",
            "https://pronote.example.fr/pronote/%2E%2E%3B/admin",
            "https://pronote.example.fr/pronote/..%3b/admin",
            "https://pronote.example.fr/pronote/..%3B/admin",
            "https://pronote.example.fr/pronote/%3bjsessionid=ABC",
            "https://pronote.example.fr/pronote/..%253B/admin",
            "https://pronote.example.fr/pronote/..\\admin",
            "https://pronote.example.fr/pronote/%5C..%5Cadmin"})
    void pathParametersAndTheirEncodingsAreRefused(String service) {
        assertFalse(PREFIX.allows(service, false), service);
        assertTrue(ServiceAddress.parse(service, false).isEmpty(), service);
    }

    @Test
    void aSemicolonInTheQueryIsStillAllowed() {
        assertTrue(PREFIX.allows("https://pronote.example.fr/pronote/eleve.html?a=1;b=2", false));
    }

    /**
     * {@code (a+)+$} against a long run of {@code a} followed by a character it cannot match: catastrophic
     * backtracking for java.util.regex (2^n steps), linear for RE2/J.
     */
    @Test
    void aPathologicalPatternAnswersQuickly() {
        ServicePattern evil = new ServicePattern(PatternKind.REGEX, "^https://pronote\\.example\\.fr/(a+)+$");
        assertTrue(ServicePattern.errors(PatternKind.REGEX, evil.value(), false).isEmpty(), "a valid expression");
        String url = "https://pronote.example.fr/" + "a".repeat(1_900) + "b";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                assertFalse(evil.allows(url, false));
            }
        }, "20 refusals within 2 s");
        assertTrue(evil.allows("https://pronote.example.fr/aaaa", false));
    }

    @Test
    void backReferencesAndLookAroundsAreRefusedAtRegistration() {
        assertEquals(List.of("sso.pattern.regex_syntax"), ServicePattern.errors(PatternKind.REGEX,
                "^https://pronote\\.example\\.fr/(a)\\1$", false));
        assertEquals(List.of("sso.pattern.regex_syntax"), ServicePattern.errors(PatternKind.REGEX,
                "^https://pronote\\.example\\.fr/(?!admin).*$", false));
    }
}
