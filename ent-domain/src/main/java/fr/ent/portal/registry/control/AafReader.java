package fr.ent.portal.registry.control;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams one file of the académie's AAF feed (root {@code ficAlimMENESR}): each {@code addRequest},
 * {@code modifyRequest} and {@code deleteRequest} becomes a {@link Request} handed to the consumer as soon as it is
 * read, so a full file of 100,000 persons never sits in memory. Attribute names are those of the AAF dictionary
 * ({@code ENTPersonJointure}, {@code sn}, {@code givenName}, {@code ENTEleveClasses}, {@code ENTElevePersRelEleve},
 * {@code ENTAuxEnsClassesPrincipal}...); multi-valued attributes keep their order.
 */
public final class AafReader {

    public static final String ROOT = "ficAlimMENESR";

    public enum Operation {
        ADD, MODIFY, DELETE
    }

    /**
     * One request of the file.
     *
     * @param id         the AAF identifier ({@code identifier/id}), the person's or structure's stable id
     * @param attributes for ADD: the attributes; for MODIFY: the replaced ones (an empty list removes the attribute)
     */
    public record Request(int line, Operation operation, String id, String category, Map<String, List<String>> attributes) {

        /** The first value of an attribute, or null. */
        public String first(String name) {
            List<String> values = attributes.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final SafeXml.Limits limits;

    public AafReader(SafeXml.Limits limits) {
        this.limits = limits;
    }

    /** Reads the file, giving each request to {@code consumer}; returns the number of requests. */
    public int read(InputStream in, Consumer<Request> consumer) {
        int[] count = new int[1];
        SafeXml.read(in, limits, new SafeXml.Handler() {
            String root;
            Operation operation;
            int line;
            String id;
            String category;
            boolean operational;
            String attribute;
            Map<String, List<String>> attributes;

            @Override
            public void start(String name, Map<String, String> attrs, int at) {
                if (root == null) {
                    root = name;
                    if (!ROOT.equals(name)) {
                        throw new RegistryFileRefused("format", "admin.import.file.format");
                    }
                    return;
                }
                switch (name) {
                    case "addRequest", "modifyRequest", "deleteRequest" -> {
                        if (attributes != null) {
                            throw new RegistryFileRefused("format", "admin.import.file.format"); // a request in a request
                        }
                        operation = name.startsWith("add") ? Operation.ADD
                                : name.startsWith("modify") ? Operation.MODIFY : Operation.DELETE;
                        line = at;
                        id = null;
                        category = null;
                        attributes = new LinkedHashMap<>();
                    }
                    case "operationalAttributes" -> operational = true;
                    case "attr" -> {
                        attribute = attrs.getOrDefault("name", "");
                        if (attributes != null && !operational) {
                            attributes.put(attribute, new ArrayList<>());
                        }
                    }
                    default -> {
                        // value, id: read at their end
                    }
                }
            }

            @Override
            public void end(String name, String text, int at) {
                switch (name) {
                    case "id" -> id = text;
                    case "value" -> {
                        if (operational && "categoriePersonne".equals(attribute)) {
                            category = text;
                        } else if (attributes != null && attribute != null && !operational && !text.isEmpty()) {
                            attributes.computeIfAbsent(attribute, a -> new ArrayList<>()).add(text);
                        }
                    }
                    case "operationalAttributes" -> operational = false;
                    case "attr" -> attribute = null;
                    case "addRequest", "modifyRequest", "deleteRequest" -> {
                        if (attributes == null) {
                            throw new RegistryFileRefused("format", "admin.import.file.format");
                        }
                        consumer.accept(new Request(line, operation, id == null ? "" : id, category, attributes));
                        count[0]++;
                        attributes = null;
                    }
                    default -> {
                        // structure of the request
                    }
                }
            }
        });
        return count[0];
    }
}
