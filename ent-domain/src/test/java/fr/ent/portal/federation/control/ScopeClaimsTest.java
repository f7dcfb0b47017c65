package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.sso.control.SsoAttributes;

class ScopeClaimsTest {

    static final SsoAttributes.Person PUPIL = new SsoAttributes.Person("l.martin1", "Léa", "Martin", "PUPIL",
            "0860034V", "5B", List.of());
    static final SsoAttributes.Person PARENT = new SsoAttributes.Person("y.perrin1", "Yves", "Perrin",
            "LEGAL_REPRESENTATIVE", "0860034V", null, List.of("a.perrin1", "b.perrin1"));
    static final Instant AUTH = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void onlyKnownAndAllowedScopesAreGranted() {
        assertEquals(Set.of("openid", "profile"),
                ScopeClaims.granted("openid profile ent_class email offline_access", Set.of("openid", "profile")));
        assertEquals(Set.of(), ScopeClaims.granted(null, Set.of("openid")));
    }

    @Test
    void openidAloneReleasesNothingButTheSubject() {
        assertEquals(Map.of(), ScopeClaims.claims(PUPIL, Set.of("openid"), AUTH));
    }

    @Test
    void eachScopeReleasesItsClaimsOnly() {
        assertEquals(Map.of("preferred_username", "l.martin1", "given_name", "Léa", "family_name", "Martin",
                "ent_profile", "PUPIL"), ScopeClaims.claims(PUPIL, Set.of("openid", "profile"), AUTH));
        assertEquals(Map.of("ent_uai", "0860034V"), ScopeClaims.claims(PUPIL, Set.of("openid", "ent_establishment"), AUTH));
        assertEquals(Map.of("ent_class", "5B"), ScopeClaims.claims(PUPIL, Set.of("openid", "ent_class"), AUTH));
    }

    @Test
    void childrenAreAnArrayAndEmptyValuesAreLeftOut() {
        Map<String, Object> claims = ScopeClaims.claims(PARENT, Set.of("openid", "ent_children", "ent_class"), AUTH);
        assertEquals(List.of("a.perrin1", "b.perrin1"), claims.get("ent_children"));
        assertFalse(claims.containsKey("ent_class"), "a representative has no class");
        assertFalse(ScopeClaims.claims(PUPIL, Set.of("openid", "ent_children"), AUTH).containsKey("ent_children"));
    }

    @Test
    void casOnlyAttributesNeverLeak() {
        Map<String, Object> all = ScopeClaims.claims(PUPIL, Set.copyOf(ScopeClaims.KNOWN), AUTH);
        assertFalse(all.containsKey("authenticationDate"));
        assertFalse(all.containsKey("isFromNewLogin"));
        assertFalse(all.containsKey("longTermAuthenticationRequestTokenUsed"));
    }
}
