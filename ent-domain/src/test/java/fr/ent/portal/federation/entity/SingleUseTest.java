package fr.ent.portal.federation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Codes and refresh tokens are spent at their first use; a second use is a replay. */
class SingleUseTest {

    static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    static final Grant GRANT = new Grant("ent-1", 42, 7L, "openid profile", T0, "pwd");

    @Test
    void aCodeWorksOnceAndOnlyBeforeItsExpiry() {
        AuthorizationCode code = new AuthorizationCode("h", GRANT, "https://a.fr/cb", "n", null, T0.plusSeconds(60));
        assertFalse(code.wasUsed());
        assertTrue(code.spend(T0.plusSeconds(5)));
        assertTrue(code.wasUsed());
        assertFalse(code.spend(T0.plusSeconds(6)), "replayed");
        AuthorizationCode late = new AuthorizationCode("h2", GRANT, "https://a.fr/cb", null, null, T0.plusSeconds(60));
        assertFalse(late.spend(T0.plusSeconds(60)), "expired");
        assertTrue(late.wasUsed(), "an expired code is spent too");
        assertEquals(GRANT, code.grant());
    }

    @Test
    void aRefreshTokenRotatesOnceThenIsAReuse() {
        RefreshToken token = new RefreshToken("h", "family", GRANT, T0.plusSeconds(3600));
        assertEquals(RefreshToken.Use.ROTATED, token.use(T0.plusSeconds(10)));
        assertEquals(RefreshToken.Use.REUSED, token.use(T0.plusSeconds(11)));
        assertEquals(RefreshToken.Use.EXPIRED, new RefreshToken("h2", "f", GRANT, T0).use(T0));
    }

    @Test
    void anAccessTokenIsValidUntilItsExpiry() {
        AccessToken token = new AccessToken("h", GRANT, T0.plusSeconds(300));
        assertTrue(token.validAt(T0));
        assertFalse(token.validAt(T0.plusSeconds(300)));
    }
}
