package fr.ent.portal.sso.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answer of a ticket validation, written in the format the service asked for ({@code format=XML}, the default,
 * or {@code format=JSON}: CAS 3.0 sections 2.5.1 and 2.5.2): a success (user, and the attributes block for CAS 3.0)
 * or a failure (code and text).
 */
public record CasAnswer(String user, Map<String, List<String>> attributes, String code, String message) {

    /** The formats of the {@code format} parameter. */
    public enum Format {
        XML, JSON;

        /** The format asked for: XML when absent; empty for any other value (an {@code INVALID_REQUEST}). */
        public static Optional<Format> of(String parameter) {
            if (parameter == null || parameter.isEmpty()) {
                return Optional.of(XML);
            }
            String value = parameter.strip().toUpperCase(Locale.ROOT);
            return "XML".equals(value) ? Optional.of(XML) : "JSON".equals(value) ? Optional.of(JSON) : Optional.empty();
        }
    }

    public static CasAnswer success(String user, Map<String, List<String>> attributes) {
        return new CasAnswer(user, attributes, null, null);
    }

    public static CasAnswer failure(String code, String message) {
        return new CasAnswer(null, null, code, message);
    }

    public boolean succeeded() {
        return code == null;
    }

    public String write(Format format) {
        if (format == Format.JSON) {
            return succeeded() ? CasJson.success(user, attributes) : CasJson.failure(code, message);
        }
        return succeeded() ? CasXml.success(user, attributes) : CasXml.failure(code, message);
    }
}
