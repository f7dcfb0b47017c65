package fr.ent.portal.registry.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.ent.portal.registry.control.RowError;

/** A failed file's errors as kept in {@code aaf_feed_file.errors}: one a line, tab-separated (never free text). */
final class FeedErrors {

    /** The most errors kept per file. */
    static final int KEPT = 20;

    private FeedErrors() {
    }

    static String encode(List<RowError> errors) {
        StringBuilder text = new StringBuilder();
        for (RowError e : errors.subList(0, Math.min(KEPT, errors.size()))) {
            List<String> fields = new ArrayList<>(List.of(String.valueOf(e.line()), e.column(), e.key()));
            fields.addAll(e.params());
            text.append(String.join("\t", fields.stream().map(FeedErrors::clean).toList())).append('\n');
        }
        return text.toString();
    }

    static List<RowError> decode(String text) {
        List<RowError> errors = new ArrayList<>();
        if (text == null) {
            return errors;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) {
                int at;
                try {
                    at = Integer.parseInt(f[0]);
                } catch (NumberFormatException e) {
                    at = 0;
                }
                errors.add(new RowError(at, f[1], f[2], Arrays.asList(f).subList(3, f.length)));
            }
        }
        return errors;
    }

    /** For the mail: "file, line 12: key [params]" (keys, not texts: the region reads the page for the words). */
    static String plain(List<RowError> errors) {
        StringBuilder text = new StringBuilder();
        for (RowError e : errors.subList(0, Math.min(KEPT, errors.size()))) {
            text.append("- ").append(e.column()).append(", ").append(e.line()).append(" : ").append(e.key())
                    .append(e.params().isEmpty() ? "" : " " + e.params()).append('\n');
        }
        return text.toString().strip();
    }

    private static String clean(String value) {
        String plain = value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return plain.length() > 120 ? plain.substring(0, 120) : plain;
    }
}
