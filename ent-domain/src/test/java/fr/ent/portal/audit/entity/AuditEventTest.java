package fr.ent.portal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void textsAreCutToTheirColumnsAndCleanedOfControlCharacters() {
        AuditEvent event = new AuditEvent(Instant.EPOCH, AuditEventType.SIGN_IN_FAILED, null,
                "x".repeat(100), "2001:db8::1", "Mozilla/5.0 " + "y".repeat(300), "bad_password\r\nforged", 7L);
        assertEquals(64, event.identifier().length());
        assertEquals(255, event.userAgent().length());
        assertEquals("bad_password??forged", event.detail());
        assertEquals("2001:db8::1", event.clientIp());
        assertEquals(7L, event.establishmentId());
        assertNull(event.accountId());
    }

    @Test
    void blanksAreNullAndSurrogatePairsAreNotCut() {
        assertNull(AuditEvent.clean("  ", 10));
        assertNull(AuditEvent.clean(null, 10));
        assertEquals("abc", AuditEvent.clean("abc\uD83D\uDE00", 4));
        assertEquals("ab\uD83D\uDE00", AuditEvent.clean("ab\uD83D\uDE00", 4));
    }
}
