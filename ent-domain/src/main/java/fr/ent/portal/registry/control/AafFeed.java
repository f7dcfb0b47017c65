package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    private static final String ESTABLISHMENTS = "EtabEducNat";
    private static final String PUPILS = "Eleve";
    private static final String PERSONS = "PersRelEleve";
    private static final String STAFF = "PersEducNat";

    private final AafEntries entries;
    private final List<RowError> errors = new ArrayList<>();

    /** A feed held in memory. */
    public AafFeed() {
        this(new MemoryEntries());
    }

    /** A feed whose state lives in {@code entries} (the database's, for the region's inbox). */
    public AafFeed(AafEntries entries) {
        this.entries = entries;
    }

    /** A full file of this type is about to be read: it replaces every entry of its type. */
    public void beginFull(AafFeedFile file) {
        if (kept(file.type())) {
            entries.clear(file.type());
        }
    }

    private static boolean kept(String type) {
        return switch (type) {
            case ESTABLISHMENTS, PUPILS, PERSONS, STAFF -> true;
            default -> false; // subjects, MEF: not used by the portal
        };
    }

    /** Applies one request of {@code file}. */
    public void apply(AafFeedFile file, AafReader.Request request) {
        String type = file.type();
        if (!kept(type)) {
            return;
        }
        switch (request.operation()) {
            case ADD -> put(type, new AafEntries.Entry(file.name(), request));
            case MODIFY -> {
                AafEntries.Entry current = entries.find(type, request.id());
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
                put(type, new AafEntries.Entry(current.file(), new AafReader.Request(current.request().line(),
                        AafReader.Operation.ADD, request.id(), current.request().category(), attributes)));
            }
            case DELETE -> {
                if (!entries.remove(type, request.id())) {
                    errors.add(RowError.of(request.line(), file.name(), "admin.import.row.aaf_absent", request.id()));
                }
            }
        }
    }

    private void put(String type, AafEntries.Entry entry) {
        String structure = switch (type) {
            case ESTABLISHMENTS -> {
                String uai = entry.request().first("ENTStructureUAI");
                yield uai == null ? null : uai.toUpperCase(Locale.ROOT);
            }
            case PUPILS -> entry.request().first("ENTPersonStructRattach");
            default -> null;
        };
        entries.put(type, structure, entry);
    }

    /** Errors of the feed itself (deltas about someone absent). */
    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    /** Pupils attached to an establishment the feed does not describe (at most 1,000 named). */
    public List<RowError> unknownEstablishments() {
        List<RowError> found = new ArrayList<>();
        for (AafEntries.Entry entry : entries.pupilsOutside(entries.structures().keySet())) {
            String structure = entry.request().first("ENTPersonStructRattach");
            found.add(RowError.of(entry.request().line(), entry.file(), "admin.import.row.aaf_unknown_establishment",
                    structure == null ? "" : structure));
        }
        return found;
    }

    /** The establishments (UAI) the feed describes. */
    public Set<String> establishments() {
        return new TreeSet<>(entries.structures().values());
    }

    public int persons() {
        return entries.count(PUPILS) + entries.count(PERSONS) + entries.count(STAFF);
    }

    /** The pupils of one establishment, with their division and legal representatives, as the engine's records. */
    public RegistryFile fileFor(String uai, RegistryParser parser) {
        List<RegistryParser.Record> records = new ArrayList<>();
        List<RowError> found = new ArrayList<>();
        Map<String, String> structures = entries.structures();
        found.addAll(unknownEstablishments());
        Set<String> mine = new HashSet<>();
        structures.forEach((structure, structureUai) -> {
            if (structureUai.equalsIgnoreCase(uai)) {
                mine.add(structure);
            }
        });
        for (AafEntries.Entry entry : mine.isEmpty() ? List.<AafEntries.Entry>of() : entries.pupilsOf(mine)) {
            AafReader.Request pupil = entry.request();
            String structure = pupil.first("ENTPersonStructRattach");
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
                AafEntries.Entry person = entries.find(PERSONS, personId);
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

    /** The state in memory: insertion order kept. */
    private static final class MemoryEntries implements AafEntries {

        private final Map<String, Map<String, Entry>> byType = new HashMap<>();
        private final Map<String, String> structureOf = new HashMap<>();

        private Map<String, Entry> of(String type) {
            return byType.computeIfAbsent(type, t -> new LinkedHashMap<>());
        }

        @Override
        public Entry find(String type, String id) {
            return of(type).get(id);
        }

        @Override
        public void put(String type, String structure, Entry entry) {
            of(type).put(entry.request().id(), entry);
            structureOf.put(type + "|" + entry.request().id(), structure);
        }

        @Override
        public boolean remove(String type, String id) {
            structureOf.remove(type + "|" + id);
            return of(type).remove(id) != null;
        }

        @Override
        public void clear(String type) {
            of(type).keySet().forEach(id -> structureOf.remove(type + "|" + id));
            of(type).clear();
        }

        @Override
        public Map<String, String> structures() {
            Map<String, String> structures = new HashMap<>();
            of(ESTABLISHMENTS).keySet().forEach(id -> {
                String uai = structureOf.get(ESTABLISHMENTS + "|" + id);
                if (uai != null) {
                    structures.put(id, uai);
                }
            });
            return structures;
        }

        @Override
        public List<Entry> pupilsOf(Set<String> structures) {
            return of(PUPILS).values().stream()
                    .filter(e -> structures.contains(structureOf.get(PUPILS + "|" + e.request().id()))).toList();
        }

        @Override
        public List<Entry> pupilsOutside(Set<String> structures) {
            return of(PUPILS).values().stream()
                    .filter(e -> !structures.contains(structureOf.get(PUPILS + "|" + e.request().id()))).toList();
        }

        @Override
        public int count(String type) {
            return of(type).size();
        }
    }
}
