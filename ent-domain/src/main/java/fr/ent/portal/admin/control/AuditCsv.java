package fr.ent.portal.admin.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import fr.ent.portal.audit.entity.AuditEvent;

/**
 * Writes audit events as CSV for a spreadsheet (Apache Commons CSV): {@code ;} separated, UTF-8 with a byte order
 * mark (so that Excel reads the accents), one header row. Every field is quoted, whatever it holds, and every field
 * that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * neutralised with a leading apostrophe, the server's own fields included (issue 20, item 8).
 */
public final class AuditCsv {

    static final String[] HEADER = {"date", "type", "account_id", "identifier", "actor_identifier", "establishment_id",
            "client_ip", "detail", "user_agent"};

    private final DateTimeFormatter dates;

    public AuditCsv(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** Writes the events to {@code out} (not closed); returns how many rows were written. */
    public int write(Iterator<AuditEvent> events, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                    .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").build());
            record(printer, HEADER);
            int rows = 0;
            while (events.hasNext()) {
                AuditEvent e = events.next();
                record(printer, dates.format(e.occurredAt()), e.type().name(), text(e.accountId()), e.identifier(),
                        e.actorIdentifier(), text(e.establishmentId()), e.clientIp(), e.detail(), e.userAgent());
                rows++;
            }
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row: every field neutralised (and quoted by the printer's {@link QuoteMode#ALL}). */
    private static void record(CSVPrinter printer, String... fields) throws IOException {
        Object[] cells = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            cells[i] = neutralise(fields[i]);
        }
        printer.printRecord(cells);
    }

    /** A cell a spreadsheet will show as text: a leading apostrophe before {@code = + - @}, tab or carriage return. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }
}
