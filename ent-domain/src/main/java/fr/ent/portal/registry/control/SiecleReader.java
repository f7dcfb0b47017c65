package fr.ent.portal.registry.control;

import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a school's SIECLE exports (docs/IMPORT.md, "SIECLE"): the pupils' file ({@code BEE_ELEVES}, from
 * ElevesSansAdresses or ElevesAvecAdresses) and, with it, the legal representatives' file ({@code BEE_RESPONSABLES},
 * from ResponsablesAvecAdresses). Each pupil still in the establishment becomes a record of the CSV's columns, with
 * their division (the structure of type {@code D}) and their legal representatives 1 and 2, then the usual rules of
 * {@link RegistryParser} apply (names, dates, divisions, duplicates, formula injection). The pupil's stable id is
 * their national id (INE); a pupil whose {@code DATE_SORTIE} is past is a leaver: absent from the records, their
 * enrollment ends. A file of another establishment (its {@code UAJ}) is refused; links to a pupil or a person the
 * files do not hold are row errors.
 */
public final class SiecleReader {

    public static final String PUPILS_ROOT = "BEE_ELEVES";
    public static final String REPRESENTATIVES_ROOT = "BEE_RESPONSABLES";

    private final String uai;
    private final LocalDate today;
    private final SafeXml.Limits limits;

    public SiecleReader(String uai, LocalDate today, SafeXml.Limits limits) {
        this.uai = uai;
        this.today = today;
        this.limits = limits;
    }

    /** The root element's name of an XML document (read safely), e.g. {@code BEE_ELEVES}. */
    public static String rootOf(byte[] xml, SafeXml.Limits limits) {
        String[] root = new String[1];
        try {
            SafeXml.read(new ByteArrayInputStream(xml), limits, new SafeXml.Handler() {
                @Override
                public void start(String name, Map<String, String> attributes, int line) {
                    if (root[0] == null) {
                        root[0] = name;
                        throw new Stop();
                    }
                }

                @Override
                public void end(String name, String text, int line) {
                    // the root is enough
                }
            });
        } catch (Stop stop) {
            return root[0];
        }
        return root[0];
    }

    /** Thrown to stop reading once the root is known. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * @param pupils          the BEE_ELEVES document
     * @param representatives the BEE_RESPONSABLES document, or null
     */
    public RegistryFile read(byte[] pupils, byte[] representatives, RegistryParser parser) {
        Collector collector = new Collector();
        String encoding = SafeXml.read(new ByteArrayInputStream(pupils), limits, collector);
        collector.requireRoot(PUPILS_ROOT);
        if (representatives != null) {
            collector.root = null;
            collector.uaj = null;
            SafeXml.read(new ByteArrayInputStream(representatives), limits, collector);
            collector.requireRoot(REPRESENTATIVES_ROOT);
        }
        return parser.parseRecords(encoding, collector.records(), collector.errors);
    }

    private record Pupil(int line, String eleveId, String ine, String lastName, String usualName, String firstName,
                         String birthDate, String leaving) {
    }

    private record Person(String lastName, String firstName, String email) {
    }

    private record Link(int line, String eleveId, String personId, int rank) {
    }

    /** Everything the two documents say, before the records are made. */
    private final class Collector implements SafeXml.Handler {
        String root;
        String uaj;
        final Map<String, Pupil> pupils = new LinkedHashMap<>();
        final Map<String, String> divisions = new HashMap<>();
        final Map<String, Person> persons = new HashMap<>();
        final List<Link> links = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        /** The element being read (ELEVE, STRUCTURES_ELEVE, STRUCTURE, PERSONNE, RESPONSABLE_ELEVE) and its fields. */
        Map<String, String> fields;
        String owner;
        int ownerLine;
        Map<String, String> structure;

        @Override
        public void start(String name, Map<String, String> attributes, int line) {
            if (root == null) {
                root = name;
                return;
            }
            switch (name) {
                case "ELEVE" -> open(attributes.getOrDefault("ELEVE_ID", ""), line);
                case "STRUCTURES_ELEVE" -> open(attributes.getOrDefault("ELEVE_ID", ""), line);
                case "PERSONNE" -> open(attributes.getOrDefault("PERSONNE_ID", ""), line);
                case "RESPONSABLE_ELEVE" -> open("", line);
                case "STRUCTURE" -> structure = new HashMap<>();
                default -> {
                    // a field, read at its end
                }
            }
        }

        private void open(String id, int line) {
            if (fields != null) {
                throw new RegistryFileRefused("format", "admin.import.file.format"); // one record inside another
            }
            fields = new HashMap<>();
            owner = id;
            ownerLine = line;
        }

        @Override
        public void end(String name, String text, int line) {
            if (fields == null && (name.equals("PERSONNE") || name.equals("RESPONSABLE_ELEVE")
                    || (name.equals("ELEVE") && PUPILS_ROOT.equals(root)))) {
                throw new RegistryFileRefused("format", "admin.import.file.format");
            }
            switch (name) {
                case "UAJ" -> uaj = text;
                case "PARAMETRES" -> checkEstablishment();
                case "ELEVE" -> {
                    if (PUPILS_ROOT.equals(root)) {
                        pupils.putIfAbsent(owner + "#" + pupils.size(), new Pupil(ownerLine, owner, fields.get("ID_NATIONAL"),
                                fields.get("NOM_DE_FAMILLE"), fields.get("NOM_USAGE"), fields.get("PRENOM"),
                                fields.get("DATE_NAISS"), fields.get("DATE_SORTIE")));
                    } else if (fields != null) {
                        fields.put(name, text); // RESPONSABLE_ELEVE/ELEVE_ID is a field, ELEVE a pupil only in BEE_ELEVES
                    }
                    fields = PUPILS_ROOT.equals(root) ? null : fields;
                }
                case "STRUCTURE" -> {
                    if (structure != null && "D".equals(structure.get("TYPE_STRUCTURE"))) {
                        divisions.putIfAbsent(owner, structure.getOrDefault("CODE_STRUCTURE", ""));
                    }
                    structure = null;
                }
                case "CODE_STRUCTURE", "TYPE_STRUCTURE" -> {
                    if (structure != null) {
                        structure.put(name, text);
                    }
                }
                case "STRUCTURES_ELEVE" -> fields = null;
                case "PERSONNE" -> {
                    persons.putIfAbsent(owner, new Person(fields.get("NOM_DE_FAMILLE"), fields.get("PRENOM"),
                            fields.get("MEL")));
                    fields = null;
                }
                case "RESPONSABLE_ELEVE" -> {
                    links.add(new Link(ownerLine, fields.getOrDefault("ELEVE_ID", ""), fields.getOrDefault("PERSONNE_ID", ""),
                            rank(fields.get("RESP_LEGAL"))));
                    fields = null;
                }
                default -> {
                    if (fields != null) {
                        fields.put(name, text);
                    }
                }
            }
        }

        private void checkEstablishment() {
            if (uaj == null || !uaj.equalsIgnoreCase(uai)) {
                throw new RegistryFileRefused("wrong-establishment", "admin.import.file.wrong_establishment",
                        uaj == null ? "?" : uaj, uai);
            }
        }

        void requireRoot(String expected) {
            if (!expected.equals(root)) {
                throw new RegistryFileRefused("format", "admin.import.file.format");
            }
            if (uaj == null) {
                checkEstablishment();
            }
        }

        private static int rank(String respLegal) {
            return "1".equals(respLegal) ? 1 : "2".equals(respLegal) ? 2 : 0;
        }

        /** One record per pupil still here, with their division and legal representatives 1 and 2. */
        List<RegistryParser.Record> records() {
            Map<String, List<Link>> byPupil = new HashMap<>();
            Map<String, Boolean> eleveIds = new HashMap<>();
            pupils.values().forEach(p -> eleveIds.put(p.eleveId(), Boolean.TRUE));
            for (Link link : links) {
                if (link.rank() == 0) {
                    continue; // not a legal representative (a contact person...)
                }
                if (!eleveIds.containsKey(link.eleveId())) {
                    errors.add(RowError.of(link.line(), "ELEVE_ID", "admin.import.row.unknown_pupil", link.eleveId()));
                    continue;
                }
                if (!persons.containsKey(link.personId())) {
                    errors.add(RowError.of(link.line(), "PERSONNE_ID", "admin.import.row.unknown_person", link.personId()));
                    continue;
                }
                byPupil.computeIfAbsent(link.eleveId(), id -> new ArrayList<>()).add(link);
            }
            List<RegistryParser.Record> records = new ArrayList<>();
            for (Pupil pupil : pupils.values()) {
                if (left(pupil)) {
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                cells.put(RegistryParser.PUPIL_ID, pupil.ine() == null || pupil.ine().isEmpty()
                        ? "siecle-" + uai + "-" + pupil.eleveId() : pupil.ine());
                cells.put(RegistryParser.LAST_NAME, pupil.usualName() != null && !pupil.usualName().isEmpty()
                        ? pupil.usualName() : nullToEmpty(pupil.lastName()));
                cells.put(RegistryParser.FIRST_NAME, nullToEmpty(pupil.firstName()));
                cells.put(RegistryParser.BIRTH_DATE, nullToEmpty(pupil.birthDate()));
                cells.put(RegistryParser.DIVISION, divisions.getOrDefault(pupil.eleveId(), ""));
                int n = 1;
                List<Link> reps = byPupil.getOrDefault(pupil.eleveId(), List.of()).stream()
                        .sorted(Comparator.comparingInt(Link::rank)).toList();
                for (Link link : reps) {
                    if (n > RegistryParser.REPRESENTATIVES) {
                        break;
                    }
                    Person person = persons.get(link.personId());
                    cells.put(RegistryParser.repId(n), link.personId());
                    cells.put(RegistryParser.repLastName(n), nullToEmpty(person.lastName()));
                    cells.put(RegistryParser.repFirstName(n), nullToEmpty(person.firstName()));
                    cells.put(RegistryParser.repEmail(n), nullToEmpty(person.email()));
                    n++;
                }
                records.add(new RegistryParser.Record(pupil.line(), cells));
            }
            return records;
        }

        /** A pupil whose exit date is today or past has left the establishment. */
        private boolean left(Pupil pupil) {
            if (pupil.leaving() == null || pupil.leaving().isEmpty()) {
                return false;
            }
            try {
                return !LocalDate.parse(pupil.leaving(), RegistryParser.DATE).isAfter(today);
            } catch (DateTimeException e) {
                errors.add(RowError.of(pupil.line(), "DATE_SORTIE", "admin.import.row.invalid_date", pupil.leaving()));
                return false;
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
