package fr.ent.portal.registry.control;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/**
 * Reads a school's STSWeb export {@code sts_emp_<UAI>_<année>.xml} (root {@code STS_EDT}): the staff
 * ({@code INDIVIDUS/INDIVIDU}, id, usual name, first name, function), the divisions with their services' teachers and
 * their principal teacher(s) ({@code DIVISIONS/DIVISION/PROFS_PRINC/PROF_PRINC/INDIVIDU_ID}). A file of another
 * establishment is refused; a principal teacher or a teacher the file does not list, a division unknown to the
 * establishment's kind, a formula-like value, a person listed twice are errors naming their line.
 */
public final class StsReader {

    public static final String ROOT = "STS_EDT";

    /** A staff member of the export; {@code externalId} is the STS individual's id. */
    public record Staff(int line, String stsId, String lastName, String firstName, String function)
            implements java.io.Serializable {
    }

    /** A principal teacher of a division. */
    public record PrincipalTeacher(int line, String division, String stsId) implements java.io.Serializable {
    }

    /** The export read: staff, principal teachers, teachers per division, and what is wrong. */
    public record StsFile(String encoding, List<Staff> staff, List<PrincipalTeacher> principalTeachers,
                          Map<String, List<String>> teachersByDivision, List<RowError> errors)
            implements java.io.Serializable {

        public StsFile {
            staff = List.copyOf(staff);
            principalTeachers = List.copyOf(principalTeachers);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            teachersByDivision.forEach((d, ids) -> copy.put(d, List.copyOf(ids)));
            teachersByDivision = java.util.Collections.unmodifiableMap(copy);
            errors = List.copyOf(errors);
        }
    }

    private final String uai;
    private final EstablishmentKind kind;
    private final SafeXml.Limits limits;

    public StsReader(String uai, EstablishmentKind kind, SafeXml.Limits limits) {
        this.uai = uai;
        this.kind = kind;
        this.limits = limits;
    }

    public StsFile read(byte[] xml) {
        Collector collector = new Collector();
        String encoding = SafeXml.read(new ByteArrayInputStream(xml), limits, collector);
        if (!ROOT.equals(collector.root)) {
            throw new RegistryFileRefused("format", "admin.import.file.format");
        }
        if (collector.uaj == null || !collector.uaj.equalsIgnoreCase(uai)) {
            throw new RegistryFileRefused("wrong-establishment", "admin.import.file.wrong_establishment",
                    collector.uaj == null ? "?" : collector.uaj, uai);
        }
        return collector.result(encoding);
    }

    private final class Collector implements SafeXml.Handler {
        String root;
        String uaj;
        final Map<String, Staff> staff = new LinkedHashMap<>();
        final List<PrincipalTeacher> principals = new ArrayList<>();
        final Map<String, List<String>> teachers = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
        Map<String, String> fields;
        String individual;
        int individualLine;
        String division;
        int divisionLine;
        boolean inPrincipal;
        int principalLine;

        @Override
        public void start(String name, Map<String, String> attributes, int line) {
            if (root == null) {
                root = name;
            }
            switch (name) {
                case "UAJ" -> uaj = attributes.get("CODE");
                case "INDIVIDU" -> {
                    individual = attributes.getOrDefault("ID", "");
                    individualLine = line;
                    fields = new LinkedHashMap<>();
                }
                case "DIVISION" -> {
                    division = attributes.getOrDefault("CODE", "");
                    divisionLine = line;
                }
                case "PROF_PRINC" -> {
                    inPrincipal = true;
                    principalLine = line;
                }
                case "ENSEIGNANT" -> {
                    if (division != null) {
                        teachers.computeIfAbsent(division, d -> new ArrayList<>()).add(attributes.getOrDefault("ID", ""));
                    }
                }
                default -> {
                    // a field, read at its end
                }
            }
        }

        @Override
        public void end(String name, String text, int line) {
            switch (name) {
                case "UAJ" -> uaj = uaj == null || uaj.isEmpty() ? text : uaj;
                case "INDIVIDU" -> {
                    if (fields != null) {
                        addStaff();
                    }
                    fields = null;
                }
                case "INDIVIDU_ID" -> {
                    if (inPrincipal && division != null) {
                        principals.add(new PrincipalTeacher(principalLine, division, text));
                    }
                }
                case "PROF_PRINC" -> inPrincipal = false;
                case "DIVISION" -> division = null;
                default -> {
                    if (fields != null) {
                        fields.put(name, text);
                    }
                }
            }
        }

        private void addStaff() {
            String last = fields.getOrDefault("NOM_USAGE", fields.getOrDefault("NOM_PATRONYMIQUE", ""));
            String first = fields.getOrDefault("PRENOM", "");
            int before = errors.size();
            if (!RegistryParser.REGISTRY_ID.matcher(individual).matches()) {
                errors.add(RowError.of(individualLine, "ID", "admin.import.row.invalid_id"));
            }
            plain(last, "NOM_USAGE");
            plain(first, "PRENOM");
            if (errors.size() == before && staff.putIfAbsent(individual, new Staff(individualLine, individual, last, first,
                    fields.getOrDefault("FONCTION", ""))) != null) {
                errors.add(RowError.of(individualLine, "ID", "admin.import.row.duplicate", staff.get(individual).line()));
            }
        }

        private void plain(String value, String column) {
            if (value.isEmpty()) {
                errors.add(RowError.of(individualLine, column, "admin.import.row.required"));
            } else if (RegistryParser.FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
                errors.add(RowError.of(individualLine, column, "admin.import.row.formula", value.charAt(0)));
            } else if (value.length() > RegistryParser.MAX_NAME || value.codePoints().noneMatch(Character::isLetter)) {
                errors.add(RowError.of(individualLine, column, "admin.import.row.invalid_name"));
            }
        }

        StsFile result(String encoding) {
            List<PrincipalTeacher> valid = new ArrayList<>();
            for (PrincipalTeacher p : principals) {
                Optional<String> problem = DivisionRule.problem(kind, p.division());
                if (problem.isPresent()) {
                    errors.add(RowError.of(p.line(), "DIVISION", "admin.import.row.division_" + problem.get(),
                            DivisionRule.normalize(p.division())));
                } else if (!staff.containsKey(p.stsId())) {
                    errors.add(RowError.of(p.line(), "INDIVIDU_ID", "admin.import.row.unknown_person", p.stsId()));
                } else {
                    valid.add(new PrincipalTeacher(p.line(), DivisionRule.normalize(p.division()), p.stsId()));
                }
            }
            Map<String, List<String>> known = new LinkedHashMap<>();
            teachers.forEach((d, ids) -> known.put(DivisionRule.normalize(d),
                    ids.stream().filter(staff::containsKey).distinct().toList()));
            errors.sort(java.util.Comparator.comparingInt(RowError::line));
            return new StsFile(encoding, List.copyOf(staff.values()), valid, known, errors);
        }
    }
}
