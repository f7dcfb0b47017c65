package fr.ent.portal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.keys.control.SealedValues;

/** Issue 22 item 2: the web side's door to the one codec of signed values (the ways back to CAS and to OpenID Connect). */
class SignaturesTest {

    static Signatures signatures(byte fill) {
        Signatures signatures = new Signatures();
        signatures.keys = new SigningKeys() {
            @Override
            public SealedValues sealer(String purpose) {
                byte[] key = new byte[32];
                Arrays.fill(key, fill);
                return new SealedValues(purpose, key);
            }
        };
        return signatures;
    }

    @Test
    void aSealedValueOpensWithItsFields() {
        Signatures signatures = signatures((byte) 1);
        String value = signatures.seal("cas-return", "v1", "1765094100", "n", "aHR0cHM6Ly9leGFtcGxlLm9yZw", "bm9uY2U");
        assertArrayEquals(new String[] {"v1", "1765094100", "n", "aHR0cHM6Ly9leGFtcGxlLm9yZw", "bm9uY2U"},
                signatures.open("cas-return", value, 5, 4000).orElseThrow());
    }

    @Test
    void anythingElseOpensToNothing() {
        Signatures signatures = signatures((byte) 1);
        String value = signatures.seal("cas-return", "v1", "1765094100", "n", "c2VydmljZQ", "bm9uY2U");
        String forged = value.replace(".n.", ".r.");
        assertTrue(signatures.open("cas-return", forged, 5, 4000).isEmpty(), "a changed field");
        assertTrue(signatures.open("oidc-return", value, 5, 4000).isEmpty(), "another purpose, the same portal key");
        assertTrue(signatures(((byte) 2)).open("cas-return", value, 5, 4000).isEmpty(), "another portal's key");
        assertTrue(signatures.open("cas-return", value, 4, 4000).isEmpty(), "another number of fields");
        assertTrue(signatures.open("cas-return", value, 5, value.length() - 1).isEmpty(), "too long");
        assertTrue(signatures.open("cas-return", null, 5, 4000).isEmpty());
        assertTrue(signatures.open("cas-return", "", 5, 4000).isEmpty());
        assertTrue(signatures.open("cas-return", "nodot", 5, 4000).isEmpty());
        assertEquals(value, signatures.seal("cas-return", value.substring(0, value.lastIndexOf('.')).split("\\.")));
    }

    @Test
    void aDatedValueOpensWithinItsAgeOnly() {
        Signatures signatures = signatures((byte) 1);
        Instant sealed = Instant.parse("2026-12-07T08:00:00Z");
        String value = signatures.seal("oidc-return", "v1", Long.toString(sealed.getEpochSecond()), "cXVlcnk", "bm9uY2U");
        Signatures.Dated dated = signatures.openDated("oidc-return", value, 4, 4000, "v1", sealed.plusSeconds(1800), 1800)
                .orElseThrow();
        assertEquals(sealed, dated.at());
        assertArrayEquals(new String[] {"cXVlcnk", "bm9uY2U"}, dated.fields());
        assertTrue(signatures.openDated("oidc-return", value, 4, 4000, "v1", sealed.plusSeconds(1801), 1800).isEmpty(),
                "older than its age");
        assertTrue(signatures.openDated("oidc-return", value, 4, 4000, "v1", null, 1800).isPresent(), "any age");
        assertTrue(signatures.openDated("oidc-return", value, 4, 4000, "v2", sealed, 1800).isEmpty(), "another version");
        assertTrue(signatures.openDated("cas-return", value, 4, 4000, "v1", sealed, 1800).isEmpty(), "another purpose");
        String badTime = signatures.seal("oidc-return", "v1", "soon", "cXVlcnk", "bm9uY2U");
        assertTrue(signatures.openDated("oidc-return", badTime, 4, 4000, "v1", sealed, 1800).isEmpty(), "a malformed time");
    }
}
