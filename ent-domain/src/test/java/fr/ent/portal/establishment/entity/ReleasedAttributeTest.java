package fr.ent.portal.establishment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReleasedAttributeTest {

    @Test
    void storedAsNamesAndReadBackSkippingUnknownOnes() {
        Set<ReleasedAttribute> some = EnumSet.of(ReleasedAttribute.UAI, ReleasedAttribute.IDENTIFIER);
        assertEquals("IDENTIFIER,UAI", ReleasedAttribute.join(some));
        assertEquals(some, ReleasedAttribute.parse("IDENTIFIER,UAI"));
        assertEquals(some, ReleasedAttribute.parse("uai, identifier ,GONE"));
        assertEquals(Set.of(), ReleasedAttribute.parse(null));
        assertEquals(Set.of(), ReleasedAttribute.parse(""));
    }
}
