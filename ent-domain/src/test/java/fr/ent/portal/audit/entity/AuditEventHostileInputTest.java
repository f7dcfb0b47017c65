package fr.ent.portal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import fr.ent.portal.hostile.HostileCorpus;

/**
 * Issue 10: whatever a client sends as identifier, user agent or detail, what the audit trail stores has no control
 * character (no forged log line, no NUL that PostgreSQL refuses), fits its column, and never ends cut in the middle
 * of a surrogate pair.
 */
class AuditEventHostileInputTest {

    @Property(tries = 500)
    void storedTextIsCleanAndBounded(@ForAll("texts") String typed, @ForAll @IntRange(min = 1, max = 300) int max) {
        String stored = AuditEvent.clean(typed, max);
        if (stored == null) {
            assertTrue(typed == null || typed.isBlank());
            return;
        }
        assertTrue(stored.length() <= max, "fits its column");
        assertTrue(stored.codePoints().noneMatch(Character::isISOControl), "no control character: " + stored);
        String whole = typed.strip();
        if (whole.length() > max && !Character.isHighSurrogate(whole.charAt(max - 1))) {
            assertTrue(whole.startsWith(stored) || stored.length() == max, "cut, not rewritten");
        }
        if (whole.length() > max && Character.isHighSurrogate(whole.charAt(max - 1))
                && Character.isLowSurrogate(whole.charAt(max))) {
            // with room for one char only, nothing of a leading pair fits: the stored text is then empty
            assertFalse(!stored.isEmpty() && Character.isHighSurrogate(stored.charAt(stored.length() - 1)),
                    "a pair is not cut in two");
        }
    }

    /** The case a run of 24 November found (the test, not the code, failed on it): room for one char, a pair first. */
    @net.jqwik.api.Example
    void aLeadingPairWithRoomForOneCharIsLeftOutWhole() {
        assertTrue(AuditEvent.clean("\uD83D\uDE00x", 1).isEmpty());
        assertTrue(AuditEvent.clean("\uD83D\uDE00x", 2).equals("\uD83D\uDE00"));
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileCorpus.strings().injectNull(0.05);
    }
}
