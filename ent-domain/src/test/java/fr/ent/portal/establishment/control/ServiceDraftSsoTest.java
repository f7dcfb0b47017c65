package fr.ent.portal.establishment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;

/** The region's form for a service registered for single sign-on. */
class ServiceDraftSsoTest {

    static ServiceDraft draft(String url, PatternKind kind, String pattern) {
        return new ServiceDraft("Pronote", url, true, null, kind, pattern, Set.of(ReleasedAttribute.UAI), true);
    }

    static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aPrefixThatHoldsTheAddressIsAccepted() {
        assertTrue(draft("https://0771763y.index-education.net/pronote/", PatternKind.PREFIX,
                "https://0771763y.index-education.net/pronote/").errors().isEmpty());
        assertTrue(draft("https://0771763y.index-education.net/pronote/", PatternKind.REGEX,
                "^https://0771763y\\.index-education\\.net/pronote/.*").errors().isEmpty());
    }

    @Test
    void theAddressMustBeOneThePatternAllows() {
        assertEquals(List.of("ssoPattern:sso.pattern.url_outside"), keys(draft("https://gar.education.fr/",
                PatternKind.PREFIX, "https://0771763y.index-education.net/pronote/").errors()));
    }

    @Test
    void aBadPatternIsNamedOnItsField() {
        assertEquals(List.of("ssoPattern:sso.pattern.prefix_invalid"), keys(draft("https://a.example.fr/x/",
                PatternKind.PREFIX, "https://a.example.fr").errors()));
        assertEquals(List.of("ssoPattern:sso.pattern.required"), keys(draft("https://a.example.fr/x/",
                PatternKind.REGEX, " ").errors()));
    }

    @Test
    void withoutSingleSignOnThePatternIsIgnored() {
        ServiceDraft plain = draft("https://a.example.fr/", null, "whatever");
        assertTrue(plain.errors().isEmpty());
        assertEquals(null, plain.pattern());
    }

    @Test
    void loopbackHttpOnlyWithTheSetting() {
        ServiceDraft local = draft("http://localhost:8081/app/", PatternKind.PREFIX, "http://localhost:8081/app/");
        assertEquals(List.of("url:establishment.service.url.invalid", "ssoPattern:sso.pattern.prefix_invalid"),
                keys(local.errors()));
        assertTrue(local.errors(true).isEmpty());
        assertEquals(List.of("url:establishment.service.url.invalid"), keys(draft("http://evil.example.fr/app/", null,
                null).errors(true)), "http elsewhere than loopback: never");
    }
}
