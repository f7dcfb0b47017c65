package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProvisionalCodesTest {

    @Test
    void codesAreLongEnoughAndEasyToReadFromPaper() {
        assertTrue(ProvisionalCodes.entropyBits() >= 50, "at least 50 bits");
        for (int i = 0; i < 1_000; i++) {
            String code = ProvisionalCodes.newCode();
            assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), code);
            assertTrue(code.chars().noneMatch(c -> "01OILl".indexOf(c) >= 0), code);
        }
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ProvisionalCodes.newCode()));
        }
    }

    @Test
    void caseSpacesAndDashesDoNotMatterWhenTyped() {
        assertEquals("K7PMW2QX9HTC", ProvisionalCodes.normalize(" k7pm-w2qx 9htc "));
        assertEquals("DEMO1PUPIL", ProvisionalCodes.normalize("demo1-pupil"));
        assertEquals("", ProvisionalCodes.normalize(null));
        assertNotEquals(ProvisionalCodes.normalize("DEMO1-PUPIL"), ProvisionalCodes.normalize("DEMO1-PUPI1"));
    }
}
