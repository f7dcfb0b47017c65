package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;

class AuditCsvTest {

    @Test
    void formulaCellsAreNeutralised() {
        for (String formula : List.of("=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, AuditCsv.neutralise(formula));
        }
        assertEquals("l.martin1", AuditCsv.neutralise("l.martin1"));
        assertEquals("a=b", AuditCsv.neutralise("a=b"));
        assertEquals("", AuditCsv.neutralise(null));
    }

    @Test
    void semicolonsUtf8WithBomAndOneRowPerEvent() throws Exception {
        AuditEvent signIn = new AuditEvent(Instant.parse("2026-11-10T08:00:00Z"), AuditEventType.SIGN_IN_FAILED, 7L,
                "=HYPERLINK(\"x\")", "203.0.113.9", "Mozilla; Zoé", "wrong-secret", 3L);
        AuditEvent export = new AuditEvent(Instant.parse("2026-11-10T09:30:00Z"), AuditEventType.AUDIT_EXPORTED, null,
                null, "::1", null, "rows:1", null).byStaff(5L, "a.moreau1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = new AuditCsv(ZoneId.of("Europe/Paris")).write(List.of(signIn, export).iterator(), out);
        byte[] bytes = out.toByteArray();
        assertEquals(2, rows);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').build().parse(new StringReader(text)).getRecords();
        assertEquals(3, records.size());
        assertEquals("date", records.get(0).get(0));
        assertEquals("2026-11-10 09:00:00", records.get(1).get(0));
        assertEquals("'=HYPERLINK(\"x\")", records.get(1).get(3));
        assertEquals("Mozilla; Zoé", records.get(1).get(8));
        assertEquals("a.moreau1", records.get(2).get(4));
        assertTrue(text.contains("AUDIT_EXPORTED"));
    }

    /** Issue 20, item 8: every field quoted, every field neutralised (not only the ones the old code chose). */
    @Test
    void everyFieldIsQuotedAndNeutralised() throws Exception {
        AuditEvent hostile = new AuditEvent(Instant.parse("2026-11-10T08:00:00Z"), AuditEventType.SIGN_IN_FAILED, 7L,
                "plain", "-1+1", "@x", "+SUM(1)", null).byStaff(5L, "=1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditCsv(ZoneId.of("Europe/Paris")).write(List.of(hostile).iterator(), out);
        String text = new String(out.toByteArray(), 3, out.size() - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(2, lines.length, text);
        for (String line : lines) {
            // 9 fields, each between double quotes: "a";"b";…;"i" (no field here holds a quote or a separator)
            assertTrue(line.matches("\"[^\"]*\"(;\"[^\"]*\"){8}"), "every field quoted: " + line);
        }
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').build().parse(new StringReader(text)).getRecords();
        CSVRecord row = records.get(1);
        assertEquals("7", row.get(2));
        assertEquals("'=1", row.get(4));
        assertEquals("'-1+1", row.get(6));
        assertEquals("'+SUM(1)", row.get(7));
        assertEquals("'@x", row.get(8));
        for (String field : row) {
            assertTrue(field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0, "a formula left: " + field);
        }
    }
}
