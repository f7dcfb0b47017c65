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

    /*
     * What the batch touched, while it holds deltas only: a delta changes exactly what it says, so only the persons it
     * names are planned again (docs/PERFORMANCE.md, "AAF feed"). A full file, an establishment's change or a
     * representative whose pupils the state cannot tell sets everything: the whole of each establishment is planned.
     */
    private boolean everything;
    /** AAF ids of the pupils to plan again (added, modified, deleted, or linked to a changed representative). */
    private final Set<String> touchedPupils = new HashSet<>();
    /** Registry ids (INE, else aaf-id) the touched pupils had before and after: a deleted or moved one leaves. */
    private final Set<String> touchedRegistryIds = new HashSet<>();
    /** Structures the touched pupils and staff were attached to before the batch (the establishments they leave). */
    private final Set<String> touchedStructures = new HashSet<>();
    /** AAF ids of the staff to plan again. */
    private final Set<String> touchedStaff = new HashSet<>();

    /** A feed held in memory. */
    public AafFeed() {
        this(new MemoryEntries());
    }

    /** A feed whose state lives in {@code entries} (the database's, for the region's inbox). */
    public AafFeed(AafEntries entries) {
        this.entries = entries;
    }

    /** Plans every establishment whole, whatever the batch holds (the benchmark's "before"). */
    public void planEverything() {
        everything = true;
    }

    /** A full file of this type is about to be read: it replaces every entry of its type. */
    public void beginFull(AafFeedFile file) {
        everything = true;
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
        if (!everything) {
            applyTracked(file, type, request);
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

    /** A delta's request: applied as {@link #apply} does, noting whom it touches (before and after). */
    private void applyTracked(AafFeedFile file, String type, AafReader.Request request) {
        AafEntries.Entry before = entries.find(type, request.id());
        AafReader.Request after = null;
        switch (request.operation()) {
            case ADD -> after = request;
            case MODIFY -> {
                if (before == null) {
                    errors.add(RowError.of(request.line(), file.name(), "admin.import.row.aaf_absent", request.id()));
                    return;
                }
                after = modified(before.request(), request);
            }
            case DELETE -> {
                if (before == null || !entries.remove(type, request.id())) {
                    errors.add(RowError.of(request.line(), file.name(), "admin.import.row.aaf_absent", request.id()));
                    return;
                }
            }
        }
        if (after != null) {
            put(type, new AafEntries.Entry(before == null || request.operation() == AafReader.Operation.ADD ? file.name()
                    : before.file(), after));
        }
        touch(type, before == null ? null : before.request(), after);
    }

    private static AafReader.Request modified(AafReader.Request current, AafReader.Request request) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(current.attributes());
        request.attributes().forEach((name, values) -> {
            if (values.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, values);
            }
        });
        return new AafReader.Request(current.line(), AafReader.Operation.ADD, request.id(), current.category(), attributes);
    }

    private void touch(String type, AafReader.Request before, AafReader.Request after) {
        switch (type) {
            case PUPILS -> {
                for (AafReader.Request r : new AafReader.Request[] {before, after}) {
                    if (r != null) {
                        touchedPupils.add(r.id());
                        touchedRegistryIds.add(registryId(r));
                    }
                }
                if (before != null && before.first("ENTPersonStructRattach") != null) {
                    touchedStructures.add(before.first("ENTPersonStructRattach"));
                }
            }
            case PERSONS -> {
                // the pupils whose rows carry this person: the person's own list of them (ENTAuxPersRelEleveEleve)
                List<String> pupils = new ArrayList<>();
                for (AafReader.Request r : new AafReader.Request[] {before, after}) {
                    if (r != null) {
                        pupils.addAll(r.attributes().getOrDefault("ENTAuxPersRelEleveEleve", List.of()));
                    }
                }
                if (before != null && pupils.isEmpty()) {
                    everything = true; // a known person whose pupils the state cannot tell: plan every establishment
                }
                touchedPupils.addAll(pupils);
            }
            case STAFF -> {
                for (AafReader.Request r : new AafReader.Request[] {before, after}) {
                    if (r != null) {
                        touchedStaff.add(r.id());
                    }
                }
                if (before != null && before.first("ENTPersonStructRattach") != null) {
                    touchedStructures.add(before.first("ENTPersonStructRattach"));
                }
            }
            default -> everything = true; // an establishment added, changed or deleted
        }
    }

    /** The registry id a pupil's records carry: the INE, else {@code aaf-<AAF id>}. */
    static String registryId(AafReader.Request pupil) {
        String ine = pupil.first("ENTEleveINE");
        return ine == null ? "aaf-" + pupil.id() : ine.strip();
    }

    /**
     * True while the batch held deltas only and the stored state can find their pupils' duplicates: then
     * {@link #establishmentsToPlan}, {@link #fileFor} and {@link #leaverRegistryIds} cover only what the deltas touched.
     */
    public boolean scoped() {
        if (scoped == null) {
            scoped = !everything && entries.registryIdsKnown();
        }
        return scoped;
    }

    private Boolean scoped;

    /** The registry ids (INE, else aaf-id) of the pupils a scoped batch touched: the only ones who may leave. */
    public Set<String> leaverRegistryIds() {
        return Set.copyOf(touchedRegistryIds);
    }

    /** The AAF ids of the staff a scoped batch touched: the only ones whose roles may change. */
    public Set<String> touchedStaff() {
        return Set.copyOf(touchedStaff);
    }

    /** The establishments (UAI) to plan: all of the feed's, or (scoped) those of whatever the deltas touched. */
    public Set<String> establishmentsToPlan() {
        if (!scoped()) {
            return establishments();
        }
        Set<String> structures = new HashSet<>(touchedStructures);
        scopedPupils().forEach(e -> addIfPresent(structures, e.request().first("ENTPersonStructRattach")));
        entries.find(STAFF, touchedStaff).forEach(e -> addIfPresent(structures, e.request().first("ENTPersonStructRattach")));
        Map<String, String> uais = entries.structures();
        Set<String> found = new TreeSet<>();
        structures.forEach(s -> addIfPresent(found, uais.get(s)));
        return found;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** The touched pupils still in the feed, and any other pupil holding the same registry id (a duplicate). */
    private List<AafEntries.Entry> scopedPupils() {
        if (scopedPupils == null) {
            Map<String, AafEntries.Entry> byId = new LinkedHashMap<>();
            entries.find(PUPILS, touchedPupils).forEach(e -> byId.put(e.request().id(), e));
            Set<String> registryIds = new HashSet<>();
            byId.values().forEach(e -> registryIds.add(registryId(e.request())));
            entries.pupilsWithRegistryIds(registryIds).forEach(e -> byId.putIfAbsent(e.request().id(), e));
            List<AafEntries.Entry> sorted = new ArrayList<>(byId.values());
            sorted.sort(java.util.Comparator.comparing(AafEntries.Entry::file)
                    .thenComparingInt(e -> e.request().line()).thenComparing(e -> e.request().id()));
            scopedPupils = sorted;
        }
        return scopedPupils;
    }

    private List<AafEntries.Entry> scopedPupils;

    private void put(String type, AafEntries.Entry entry) {
        String structure = switch (type) {
            case ESTABLISHMENTS -> {
                String uai = entry.request().first("ENTStructureUAI");
                yield uai == null ? null : uai.toUpperCase(Locale.ROOT);
            }
            case PUPILS, STAFF -> entry.request().first("ENTPersonStructRattach");
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
        Set<String> known = entries.structures().keySet();
        List<AafEntries.Entry> outside = scoped() ? scopedPupils().stream()
                .filter(e -> !known.contains(e.request().first("ENTPersonStructRattach"))).toList()
                : entries.pupilsOutside(known);
        for (AafEntries.Entry entry : outside) {
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
        Set<String> mine = structuresOf(uai, structures);
        boolean scoped = scoped();
        List<AafEntries.Entry> pupils = mine.isEmpty() ? List.of() : scoped ? scopedPupils().stream()
                .filter(e -> mine.contains(e.request().first("ENTPersonStructRattach"))).toList() : entries.pupilsOf(mine);
        for (AafEntries.Entry entry : pupils) {
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

    /**
     * The staff ({@code PersEducNat}) attached to one establishment, as an STSWeb export would give them: each is staff
     * here; {@code ENTAuxEnsClasses} and {@code ENTAuxEnsClassesMatieres} ({@code <structure>$<division>[$…]}) of
     * this establishment's structures are their classes, {@code ENTAuxEnsClassesPrincipal} the divisions they are
     * principal teacher of. Scoped: only the staff the deltas touched. Names and divisions are checked as STSWeb's.
     */
    public StsReader.StsFile staffFor(String uai, fr.ent.portal.establishment.entity.EstablishmentKind kind) {
        Set<String> mine = structuresOf(uai, entries.structures());
        List<AafEntries.Entry> members = mine.isEmpty() ? List.of() : scoped() ? entries.find(STAFF, touchedStaff)
                .stream().filter(e -> mine.contains(e.request().first("ENTPersonStructRattach")))
                .sorted(java.util.Comparator.comparing(AafEntries.Entry::file).thenComparingInt(e -> e.request().line()))
                .toList() : entries.staffOf(mine);
        List<StsReader.Staff> staff = new ArrayList<>();
        List<StsReader.PrincipalTeacher> principals = new ArrayList<>();
        Map<String, List<String>> teachers = new LinkedHashMap<>();
        List<RowError> found = new ArrayList<>();
        for (AafEntries.Entry entry : members) {
            AafReader.Request person = entry.request();
            int before = found.size();
            if (!RegistryParser.REGISTRY_ID.matcher(person.id()).matches()) {
                found.add(RowError.of(person.line(), entry.file(), "admin.import.row.invalid_id"));
            }
            String last = orEmpty(person.first("sn")).strip();
            String first = orEmpty(person.first("givenName")).strip();
            staffName(last, person.line(), entry.file(), found);
            staffName(first, person.line(), entry.file(), found);
            if (found.size() > before) {
                continue;
            }
            staff.add(new StsReader.Staff(person.line(), person.id(), last, first, orEmpty(person.category())));
            for (String attribute : List.of("ENTAuxEnsClasses", "ENTAuxEnsClassesMatieres", "ENTAuxEnsClassesPrincipal")) {
                for (String value : person.attributes().getOrDefault(attribute, List.of())) {
                    String[] parts = value.split("\\$", 3);
                    if (parts.length < 2 || !mine.contains(parts[0]) || parts[1].isBlank()) {
                        continue; // another establishment's class, or no class
                    }
                    java.util.Optional<String> problem = DivisionRule.problem(kind, parts[1]);
                    if (problem.isPresent()) {
                        found.add(RowError.of(person.line(), entry.file(), "admin.import.row.division_" + problem.get(),
                                DivisionRule.normalize(parts[1])));
                        continue;
                    }
                    String division = DivisionRule.normalize(parts[1]);
                    if (attribute.equals("ENTAuxEnsClassesPrincipal")) {
                        principals.add(new StsReader.PrincipalTeacher(person.line(), division, person.id()));
                    } else {
                        List<String> ids = teachers.computeIfAbsent(division, d -> new ArrayList<>());
                        if (!ids.contains(person.id())) {
                            ids.add(person.id());
                        }
                    }
                }
            }
        }
        return new StsReader.StsFile("UTF-8", staff, principals, teachers, found);
    }

    private static void staffName(String value, int line, String file, List<RowError> found) {
        if (value.isEmpty()) {
            found.add(RowError.of(line, file, "admin.import.row.required"));
        } else if (RegistryParser.FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            found.add(RowError.of(line, file, "admin.import.row.formula", value.charAt(0)));
        } else if (value.length() > RegistryParser.MAX_NAME || value.codePoints().noneMatch(Character::isLetter)) {
            found.add(RowError.of(line, file, "admin.import.row.invalid_name"));
        }
    }

    private static Set<String> structuresOf(String uai, Map<String, String> structures) {
        Set<String> mine = new HashSet<>();
        structures.forEach((structure, structureUai) -> {
            if (structureUai.equalsIgnoreCase(uai)) {
                mine.add(structure);
            }
        });
        return mine;
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
        public List<Entry> find(String type, java.util.Collection<String> ids) {
            return ids.stream().map(of(type)::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<Entry> pupilsWithRegistryIds(java.util.Collection<String> registryIds) {
            return of(PUPILS).values().stream().filter(e -> registryIds.contains(registryId(e.request()))).toList();
        }

        @Override
        public boolean registryIdsKnown() {
            return true;
        }

        @Override
        public List<Entry> staffOf(Set<String> structures) {
            return of(STAFF).values().stream()
                    .filter(e -> structures.contains(structureOf.get(STAFF + "|" + e.request().id()))).toList();
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
