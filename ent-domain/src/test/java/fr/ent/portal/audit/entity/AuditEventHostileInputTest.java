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
            assertFalse(Character.isHighSurrogate(stored.charAt(stored.length() - 1)), "a pair is not cut in two");
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileCorpus.strings().injectNull(0.05);
    }
}
