package fr.ent.portal.audit.control;

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

import fr.ent.portal.audit.entity.AuditEvent;

/**
 * Writes audit events as CSV for a spreadsheet (Apache Commons CSV): {@code ;} separated, UTF-8 with a byte order
 * mark (so that Excel reads the accents), one header row. Every cell that a spreadsheet would take for a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is neutralised with a leading apostrophe.
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
                    .setRecordSeparator("\r\n").build());
            printer.printRecord((Object[]) HEADER);
            int rows = 0;
            while (events.hasNext()) {
                AuditEvent e = events.next();
                printer.printRecord(dates.format(e.occurredAt()), e.type().name(), text(e.accountId()),
                        neutralise(e.identifier()), neutralise(e.actorIdentifier()), text(e.establishmentId()),
                        neutralise(e.clientIp()), neutralise(e.detail()), neutralise(e.userAgent()));
                rows++;
            }
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
