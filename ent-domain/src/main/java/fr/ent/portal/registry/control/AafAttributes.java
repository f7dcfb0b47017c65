package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of a stored request ({@code aaf_feed_entry.attributes}): its category on the first line, then one
 * line per value, {@code name=value}, in order; {@code \}, line breaks and {@code =} in names are escaped.
 */
final class AafAttributes {

    private AafAttributes() {
    }

    static String encode(String category, Map<String, List<String>> attributes) {
        StringBuilder text = new StringBuilder(escape(category == null ? "" : category)).append('\n');
        attributes.forEach((name, values) -> values.forEach(value ->
                text.append(escape(name).replace("=", "\\e")).append('=').append(escape(value)).append('\n')));
        return text.toString();
    }

    static AafReader.Request decode(int line, String id, String text) {
        String[] lines = text.split("\n", -1);
        String category = unescape(lines[0]);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int eq = lines[i].indexOf('=');
            String name = unescape(lines[i].substring(0, eq));
            attributes.computeIfAbsent(name, n -> new ArrayList<>()).add(unescape(lines[i].substring(eq + 1)));
        }
        return new AafReader.Request(line, AafReader.Operation.ADD, id, category.isEmpty() ? null : category, attributes);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'e' -> '=';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
