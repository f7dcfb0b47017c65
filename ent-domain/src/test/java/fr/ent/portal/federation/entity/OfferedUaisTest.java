package fr.ent.portal.federation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a SAML provider or an OpenID Connect client is offered: the one rule both registries use. */
class OfferedUaisTest {

    @Test
    void noneListedMeansEveryEstablishmentAndAListMeansOnlyThose() {
        assertTrue(OfferedUais.includes("", "0312289V"));
        assertTrue(OfferedUais.includes("", null), "offered everywhere: also with no establishment chosen");
        String stored = OfferedUais.join(OfferedUais.parse("0312289v 0750001A,0312289V"));
        assertEquals("0312289V,0750001A", stored);
        assertTrue(OfferedUais.includes(stored, "0312289v"));
        assertFalse(OfferedUais.includes(stored, "0000001A"));
        assertFalse(OfferedUais.includes(stored, null), "listed: never without an establishment");
        assertEquals(List.of("0312289V", "0750001A"), OfferedUais.split(stored));
    }

    @Test
    void onlyUaiShapedValuesAndNotTooMany() {
        assertTrue(OfferedUais.valid(List.of("0312289V")));
        assertFalse(OfferedUais.valid(List.of("0312289")));
        assertFalse(OfferedUais.valid(List.of("0312289V,")));
        assertFalse(OfferedUais.valid(Collections.nCopies(OfferedUais.MAX + 1, "0312289V")));
    }
}
