package fr.ent.portal.sso.control;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON answers of a validation (CAS protocol 3.0, section 2.5.1, {@code format=JSON}):
 * {@code {"serviceResponse":{"authenticationSuccess":{"user":…,"attributes":{…}}}}} or
 * {@code {"serviceResponse":{"authenticationFailure":{"code":…,"description":…}}}}. An attribute with one value is a
 * string, with several an array, as in the specification's example. Every text is escaped (RFC 8259).
 */
public final class CasJson {

    private CasJson() {
    }

    /** A successful validation; {@code attributes} null for the CAS 2.0 answer without an attributes block. */
    public static String success(String user, Map<String, List<String>> attributes) {
        StringBuilder json = new StringBuilder(512).append("{\"serviceResponse\":{\"authenticationSuccess\":{\"user\":")
                .append(string(user));
        if (attributes != null) {
            json.append(",\"attributes\":{");
            Iterator<Map.Entry<String, List<String>>> entries = attributes.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, List<String>> entry = entries.next();
                json.append(string(entry.getKey())).append(':');
                List<String> values = entry.getValue();
                if (values.size() == 1) {
                    json.append(string(values.get(0)));
                } else {
                    json.append('[');
                    for (int i = 0; i < values.size(); i++) {
                        json.append(i == 0 ? "" : ",").append(string(values.get(i)));
                    }
                    json.append(']');
                }
                if (entries.hasNext()) {
                    json.append(',');
                }
            }
            json.append('}');
        }
        return json.append("}}}").toString();
    }

    /** A refused validation with its code and a short text. */
    public static String failure(String code, String message) {
        return "{\"serviceResponse\":{\"authenticationFailure\":{\"code\":" + string(code) + ",\"description\":"
                + string(message) + "}}}";
    }

    /** A JSON string literal. */
    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
