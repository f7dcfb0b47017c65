package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The académie's directory as the AAF feed describes it: a full file's requests, then each delta's adds, modifications
 * and deletions applied in order ({@link AafFeedFile#ORDER}). For each establishment the state becomes the import
 * engine's records (the CSV's columns), so that the usual plan says what changed since the database: a delta changes
 * exactly what it says, a replayed feed changes nothing. A delta modifying or deleting someone absent, a pupil attached
 * to an unknown establishment or linked to an unknown person are errors naming the file and the request's line.
 */
public final class AafFeed {

    private record Entry(String file, AafReader.Request request) {
    }

    /** {@code ENTStructureJointure} → UAI. */
    private final Map<String, String> structures = new HashMap<>();
    private final Map<String, Entry> pupils = new LinkedHashMap<>();
    private final Map<String, Entry> persons = new HashMap<>();
    private final Map<String, Entry> staff = new LinkedHashMap<>();
    private final List<RowError> errors = new ArrayList<>();

    /** Applies one request of {@code file}. */
    public void apply(AafFeedFile file, AafReader.Request request) {
        if (file.type().equals("EtabEducNat")) {
            String uai = request.first("ENTStructureUAI");
            if (request.operation() == AafReader.Operation.DELETE) {
                structures.remove(request.id());
            } else if (uai != null) {
                structures.put(request.id(), uai.toUpperCase(java.util.Locale.ROOT));
            }
            return;
        }
        Map<String, Entry> target = switch (file.type()) {
            case "Eleve" -> pupils;
            case "PersRelEleve" -> persons;
            case "PersEducNat" -> staff;
            default -> null; // subjects, MEF: not used by the portal
        };
        if (target == null) {
            return;
        }
        switch (request.operation()) {
            case ADD -> target.put(request.id(), new Entry(file.name(), request));
            case MODIFY -> {
                Entry current = target.get(request.id());
                if (current == null) {
                    errors.add(RowError.of(request.line(), file.name(), "admin.import.row.aaf_absent", request.id()));
                    return;
                }
                Map<String, List<String>> attributes = new LinkedHashMap<>(current.request().attributes());
                request.attributes().forEach((name, values) -> {
                    if (values.isEmpty()) {
                        attributes.remove(name);
                    } else {
                        attributes.put(name, values);
                    }
                });
                target.put(request.id(), new Entry(current.file(), new AafReader.Request(current.request().line(),
                        AafReader.Operation.ADD, request.id(), current.request().category(), attributes)));
            }
            case DELETE -> {
                if (target.remove(request.id()) == null) {
                    errors.add(RowError.of(request.line(), file.name(), "admin.import.row.aaf_absent", request.id()));
                }
            }
        }
    }

    /** Errors of the feed itself (deltas about someone absent). */
    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    /** The establishments (UAI) the feed describes. */
    public Set<String> establishments() {
        return new TreeSet<>(structures.values());
    }

    public int persons() {
        return pupils.size() + persons.size() + staff.size();
    }

    /** The pupils of one establishment, with their division and legal representatives, as the engine's records. */
    public RegistryFile fileFor(String uai, RegistryParser parser) {
        List<RegistryParser.Record> records = new ArrayList<>();
        List<RowError> found = new ArrayList<>();
        for (Entry entry : pupils.values()) {
            AafReader.Request pupil = entry.request();
            String structure = pupil.first("ENTPersonStructRattach");
            String pupilUai = structure == null ? null : structures.get(structure);
            if (pupilUai == null) {
                found.add(RowError.of(pupil.line(), entry.file(), "admin.import.row.aaf_unknown_establishment",
                        structure == null ? "" : structure));
                continue;
            }
            if (!pupilUai.equalsIgnoreCase(uai)) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            String ine = pupil.first("ENTEleveINE");
            cells.put(RegistryParser.PUPIL_ID, ine == null ? "aaf-" + pupil.id() : ine);
            cells.put(RegistryParser.LAST_NAME, orEmpty(pupil.first("sn")));
            cells.put(RegistryParser.FIRST_NAME, orEmpty(pupil.first("givenName")));
            cells.put(RegistryParser.BIRTH_DATE, orEmpty(pupil.first("ENTPersonDateNaissance")));
            cells.put(RegistryParser.DIVISION, division(pupil.attributes().get("ENTEleveClasses"), structure));
            int n = 1;
            for (String relation : pupil.attributes().getOrDefault("ENTElevePersRelEleve", List.of())) {
                if (n > RegistryParser.REPRESENTATIVES) {
                    break;
                }
                String personId = relation.split("\\$", 2)[0];
                Entry person = persons.get(personId);
                if (person == null) {
                    found.add(RowError.of(pupil.line(), entry.file(), "admin.import.row.unknown_person", personId));
                    continue;
                }
                cells.put(RegistryParser.repId(n), personId);
                cells.put(RegistryParser.repLastName(n), orEmpty(person.request().first("sn")));
                cells.put(RegistryParser.repFirstName(n), orEmpty(person.request().first("givenName")));
                cells.put(RegistryParser.repEmail(n), orEmpty(person.request().first("mail")));
                n++;
            }
            records.add(new RegistryParser.Record(pupil.line(), cells));
        }
        found.addAll(errors);
        return parser.parseRecords("UTF-8", records, found);
    }

    /** The division of {@code ENTEleveClasses} values {@code <structure>$<division>} for this structure. */
    private static String division(List<String> classes, String structure) {
        if (classes == null) {
            return "";
        }
        for (String value : classes) {
            String[] parts = value.split("\\$", 2);
            if (parts.length == 2 && parts[0].equals(structure)) {
                return parts[1];
            }
        }
        return "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
