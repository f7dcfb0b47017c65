package fr.ent.portal.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.ent.portal.federation.control.LogoutChain;
import fr.ent.portal.federation.control.SamlMessages;
import fr.ent.portal.federation.control.SamlSession;
import fr.ent.portal.keys.control.SealedValues;

/**
 * The front-channel logout chain's cookie: sealed by the one codec of signed values for its own purpose, opened only
 * within its age, never from a value of another purpose or a forged one.
 */
class SamlLogoutChainTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final LogoutChain CHAIN = LogoutChain.start(NOW, 42, "https://gar.example/metadata", "_req", "relay",
            List.of(new SamlSession("https://sp.example/metadata", "n1", SamlMessages.PERSISTENT, "_s1", 42)))
            .sent("_r1");

    static SamlLogoutChain chain(Instant now) {
        SamlLogoutChain chain = new SamlLogoutChain();
        chain.signatures = SamlReturnTest.signatures((byte) 1);
        chain.clock = Clock.fixed(now, ZoneOffset.UTC);
        return chain;
    }

    @Test
    void aSealedChainOpensWithinItsAgeOnly() {
        String sealed = chain(NOW).seal(CHAIN);
        assertEquals(Optional.of(CHAIN), chain(NOW.plusSeconds(299)).open(sealed));
        assertTrue(chain(NOW.plusSeconds(301)).open(sealed).isEmpty(), "older than the chain may live");
        assertTrue(sealed.contains("X3Ix"), "the awaited request _r1, Base64");
        assertTrue(chain(NOW).open(sealed.replace("X3Ix", "X3Iy")).isEmpty(), "another awaited request: forged");
        assertTrue(chain(NOW).open(null).isEmpty());
    }

    @Test
    void aValueSealedForAnotherPurposeIsRefused() {
        String[] fields = {"v1", Long.toString(NOW.getEpochSecond()), CHAIN.encode()};
        for (String other : new String[] {"saml-return", "oidc-return", "cas-return", "form-token"}) {
            String sealed = new SealedValues(other, SamlReturnTest.portalKey((byte) 1)).seal(fields);
            assertTrue(chain(NOW).open(sealed).isEmpty(), "a value of the purpose " + other);
        }
        assertTrue(chain(NOW).open(new SealedValues(SamlLogoutChain.PURPOSE, SamlReturnTest.portalKey((byte) 1))
                .seal(fields)).isPresent(), "the same fields sealed for the logout chain");
    }
}
