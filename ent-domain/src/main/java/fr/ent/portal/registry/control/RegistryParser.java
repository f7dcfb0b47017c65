package fr.ent.portal.registry.control;

import fr.ent.portal.mail.entity.EmailShape;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.credential.control.LegacyPasswords;
import fr.ent.portal.establishment.entity.EstablishmentKind;

/**
 * Reads a registry export (docs/IMPORT.md): semicolon-separated, a header row of French column names, then one row
 * per pupil with up to two legal representatives. Whole-file problems (missing columns, too many rows, a broken
 * quote) throw {@link RegistryFileRefused}; a wrong row becomes {@link RowError}s naming its line and column and the
 * other rows are still read, so that the preview names every bad row at once. Pure: no database, no clock.
 */
public final class RegistryParser {

    public static final String PUPIL_ID = "Identifiant élève";
    public static final String LAST_NAME = "Nom";
    public static final String FIRST_NAME = "Prénom";
    public static final String BIRTH_DATE = "Date de naissance";
    public static final String DIVISION = "Division";
    public static final String PUPIL_LEGACY_ID = "Ancien identifiant élève";
    public static final String PUPIL_LEGACY_HASH = "Ancienne empreinte élève";
    public static final int REPRESENTATIVES = 2;

    /** The columns every file must have. */
    public static final List<String> REQUIRED = List.of(PUPIL_ID, LAST_NAME, FIRST_NAME, BIRTH_DATE, DIVISION);

    /** Longest cell read (longer: an error on the row). */
    public static final int MAX_CELL = 255;
    static final int MAX_NAME = 100;
    static final Pattern REGISTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** First characters that a spreadsheet would run as a formula (CSV injection): such cells are refused. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    public static String repId(int n) {
        return "Identifiant responsable " + n;
    }

    public static String repLastName(int n) {
        return "Nom responsable " + n;
    }

    public static String repFirstName(int n) {
        return "Prénom responsable " + n;
    }

    public static String repEmail(int n) {
        return "Courriel responsable " + n;
    }

    public static String repLegacyId(int n) {
        return "Ancien identifiant responsable " + n;
    }

    public static String repLegacyHash(int n) {
        return "Ancienne empreinte responsable " + n;
    }

    /** Every column the portal reads, in the documented order (others are ignored). */
    public static List<String> knownColumns() {
        List<String> columns = new ArrayList<>(REQUIRED);
        columns.add(PUPIL_LEGACY_ID);
        columns.add(PUPIL_LEGACY_HASH);
        for (int n = 1; n <= REPRESENTATIVES; n++) {
            columns.addAll(List.of(repId(n), repLastName(n), repFirstName(n), repEmail(n), repLegacyId(n), repLegacyHash(n)));
        }
        return columns;
    }

    private final EstablishmentKind kind;
    private final LocalDate today;
    private final int maxRows;

    /**
     * @param kind    the establishment's kind (which divisions exist)
     * @param today   birth dates after it are impossible
     * @param maxRows more data rows refuse the whole file
     */
    public RegistryParser(EstablishmentKind kind, LocalDate today, int maxRows) {
        this.kind = kind;
        this.today = today;
        this.maxRows = maxRows;
    }

    public RegistryFile parse(RegistryText.Decoded decoded) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setIgnoreEmptyLines(true).setTrim(true)
                .build();
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
            Map<String, Integer> columns = null;
            int width = 0;
            Rows rows = new Rows();
            int dataRows = 0;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    width = record.size();
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                dataRows++;
                if (dataRows > maxRows) {
                    throw new RegistryFileRefused("too-many-rows", "admin.import.file.too_many_rows", maxRows);
                }
                Map<String, Integer> header = columns;
                rows.read((int) record.getRecordNumber(), column -> raw(record, header, column),
                        record.size() == width ? -1 : record.size());
            }
            if (columns == null) {
                throw new RegistryFileRefused("empty", "admin.import.file.empty");
            }
            if (dataRows == 0) {
                throw new RegistryFileRefused("no-rows", "admin.import.file.no_rows");
            }
            return new RegistryFile(decoded.encoding(), dataRows, rows.valid, rows.errors, rows.pupilIds);
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw new RegistryFileRefused("malformed", "admin.import.file.malformed");
        }
    }

    /** A record of another export format (SIECLE...), already mapped to this parser's column names. */
    public record Record(int line, Map<String, String> cells) {
    }

    /**
     * Checks records read from another format (a directory's XML export) with the rules of the CSV: the same row
     * errors, duplicates and conflicts. {@code readerErrors}: what the format's reader already found (unknown
     * references...), kept with the others.
     */
    public RegistryFile parseRecords(String encoding, List<Record> records, List<RowError> readerErrors) {
        if (records.size() > maxRows) {
            throw new RegistryFileRefused("too-many-rows", "admin.import.file.too_many_rows", maxRows);
        }
        if (records.isEmpty() && readerErrors.isEmpty()) {
            throw new RegistryFileRefused("no-rows", "admin.import.file.no_rows");
        }
        Rows rows = new Rows();
        for (Record record : records) {
            rows.read(record.line(), column -> record.cells().getOrDefault(column, ""), -1);
        }
        List<RowError> errors = new ArrayList<>(rows.errors);
        errors.addAll(readerErrors);
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        return new RegistryFile(encoding, records.size(), rows.valid, errors, rows.pupilIds);
    }

    private static String raw(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    // ---- header -------------------------------------------------------------------------------------------------

    private Map<String, Integer> header(CSVRecord record) {
        Map<String, String> byKey = new HashMap<>();
        for (String column : knownColumns()) {
            byKey.put(key(column), column);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = byKey.get(key(record.get(i)));
            if (column != null && columns.putIfAbsent(column, i) != null) {
                throw new RegistryFileRefused("duplicate-column", "admin.import.file.duplicate_column", column);
            }
        }
        List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList());
        for (int n = 1; n <= REPRESENTATIVES; n++) {
            if (columns.containsKey(repId(n))) {
                for (String needed : List.of(repLastName(n), repFirstName(n))) {
                    if (!columns.containsKey(needed)) {
                        missing.add(needed);
                    }
                }
            }
            pair(columns, repLegacyId(n), repLegacyHash(n), missing);
        }
        pair(columns, PUPIL_LEGACY_ID, PUPIL_LEGACY_HASH, missing);
        if (!missing.isEmpty()) {
            throw new RegistryFileRefused("missing-columns", "admin.import.file.missing_columns", String.join(", ", missing));
        }
        return columns;
    }

    private static void pair(Map<String, Integer> columns, String a, String b, List<String> missing) {
        if (columns.containsKey(a) != columns.containsKey(b)) {
            missing.add(columns.containsKey(a) ? b : a);
        }
    }

    /** Header names compare without accents, case or extra spaces (and without a stray byte order mark). */
    static String key(String header) {
        String plain = Normalizer.normalize(header == null ? "" : header.replace("\uFEFF", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    /** The rows read so far: valid ones, errors, and what earlier rows said (duplicates, conflicts). */
    private final class Rows {
        final List<RegistryRow> valid = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        final Set<String> pupilIds = new HashSet<>();
        final Map<String, Integer> pupilLines = new HashMap<>();
        final Map<String, PersonEntry> representatives = new HashMap<>();
        final Map<String, Integer> representativeLines = new HashMap<>();
        final Map<String, String> legacyOwners = new HashMap<>();

        /** @param fieldCount the record's number of fields when it differs from the header's, else -1 */
        void read(int line, java.util.function.Function<String, String> raw, int fieldCount) {
            Cells cells = new Cells(raw, line);
            if (fieldCount >= 0) {
                cells.error("", "admin.import.row.field_count", fieldCount);
            }
            String pupilId = cells.registryId(PUPIL_ID, true);
            String lastName = cells.name(LAST_NAME);
            String firstName = cells.name(FIRST_NAME);
            LocalDate birthDate = cells.birthDate();
            String division = cells.division();
            String[] pupilLegacy = cells.legacy(PUPIL_LEGACY_ID, PUPIL_LEGACY_HASH);
            if (pupilId != null) {
                pupilIds.add(pupilId);
                Integer first = pupilLines.putIfAbsent(pupilId, line);
                if (first != null) {
                    cells.error(PUPIL_ID, "admin.import.row.duplicate", first);
                }
            }
            PersonEntry pupil = new PersonEntry(pupilId, lastName, firstName, birthDate, null, pupilLegacy[0], pupilLegacy[1]);
            legacyOwner(cells, PUPIL_LEGACY_ID, pupilLegacy[0], "eleve:" + pupilId);

            List<PersonEntry> reps = new ArrayList<>();
            for (int n = 1; n <= REPRESENTATIVES; n++) {
                PersonEntry rep = cells.representative(n);
                if (rep == null) {
                    continue;
                }
                if (reps.stream().anyMatch(r -> r.registryId().equals(rep.registryId()))) {
                    cells.error(repId(n), "admin.import.row.same_representative");
                    continue;
                }
                PersonEntry earlier = representatives.putIfAbsent(rep.registryId(), rep);
                if (earlier != null && !earlier.sameAs(rep)) {
                    cells.error(repId(n), "admin.import.row.conflict", representativeLines.get(rep.registryId()));
                }
                representativeLines.putIfAbsent(rep.registryId(), line);
                if (earlier == null) {
                    legacyOwner(cells, repLegacyId(n), rep.legacyIdentifier(), "responsable:" + rep.registryId());
                }
                reps.add(rep);
            }
            if (cells.errors.isEmpty()) {
                valid.add(new RegistryRow(line, pupil, division, reps));
            } else {
                errors.addAll(cells.errors);
            }
        }

        /** An old login belongs to one person of the file. */
        private void legacyOwner(Cells cells, String column, String legacyId, String owner) {
            if (legacyId == null) {
                return;
            }
            String earlier = legacyOwners.putIfAbsent(legacyId, owner);
            if (earlier != null && !earlier.equals(owner)) {
                cells.error(column, "admin.import.row.legacy_identifier_twice", legacyId);
            }
        }
    }

    /** The cells of one record, read and checked column by column; problems collect in {@link #errors}. */
    private final class Cells {
        final java.util.function.Function<String, String> raw;
        final int line;
        final List<RowError> errors = new ArrayList<>();

        Cells(java.util.function.Function<String, String> raw, int line) {
            this.raw = raw;
            this.line = line;
        }

        void error(String column, String key, Object... params) {
            errors.add(RowError.of(line, column, key, params));
        }

        /** The trimmed cell, empty when absent; a formula-like or over-long cell is an error and reads as empty. */
        String cell(String column) {
            String value = raw.apply(column);
            if (value == null || value.isEmpty()) {
                return "";
            }
            String stripped = value.strip(); // Unicode spaces too: an em space before = would hide a formula
            if (stripped.isEmpty()) {
                return "";
            }
            if (FORMULA_STARTS.indexOf(stripped.charAt(0)) >= 0) {
                error(column, "admin.import.row.formula", stripped.charAt(0));
                return null;
            }
            if (value.length() > MAX_CELL) {
                error(column, "admin.import.row.too_long", MAX_CELL);
                return null;
            }
            return stripped;
        }

        String registryId(String column, boolean required) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                if (required) {
                    error(column, "admin.import.row.required");
                }
                return null;
            }
            if (!REGISTRY_ID.matcher(value).matches()) {
                error(column, "admin.import.row.invalid_id");
                return null;
            }
            return value;
        }

        String name(String column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                error(column, "admin.import.row.required");
                return null;
            }
            if (value.length() > MAX_NAME || value.codePoints().noneMatch(Character::isLetter)) {
                error(column, "admin.import.row.invalid_name");
                return null;
            }
            return value.replaceAll("\\s+", " ");
        }

        LocalDate birthDate() {
            String value = cell(BIRTH_DATE);
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                error(BIRTH_DATE, "admin.import.row.required");
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value, DATE);
            } catch (DateTimeException e) {
                error(BIRTH_DATE, "admin.import.row.invalid_date", value);
                return null;
            }
            if (date.getYear() < 1900 || date.isAfter(today)) {
                error(BIRTH_DATE, "admin.import.row.impossible_date", value);
                return null;
            }
            return date;
        }

        String division() {
            String value = cell(DIVISION);
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                error(DIVISION, "admin.import.row.required");
                return null;
            }
            Optional<String> problem = DivisionRule.problem(kind, value);
            if (problem.isPresent()) {
                error(DIVISION, "admin.import.row.division_" + problem.get(), DivisionRule.normalize(value));
                return null;
            }
            return DivisionRule.normalize(value);
        }

        String email(String column) {
            String value = cell(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!EmailShape.isValid(value)) {
                error(column, "admin.import.row.invalid_email");
                return null;
            }
            return value.toLowerCase(Locale.ROOT);
        }

        /** The old login and hash (both or neither); {@code [null, null]} when none. */
        String[] legacy(String idColumn, String hashColumn) {
            String id = cell(idColumn);
            String hash = cell(hashColumn);
            if (id == null || hash == null) {
                return new String[2];
            }
            if (id.isEmpty() && hash.isEmpty()) {
                return new String[2];
            }
            if (id.isEmpty() || hash.isEmpty()) {
                error(id.isEmpty() ? idColumn : hashColumn, "admin.import.row.legacy_pair");
                return new String[2];
            }
            String login = id.toLowerCase(Locale.ROOT);
            if (!Account.LEGACY_IDENTIFIER_SHAPE.matcher(login).matches()) {
                error(idColumn, "admin.import.row.invalid_legacy_identifier");
                return new String[2];
            }
            if (LegacyPasswords.formatOf(hash).isEmpty()) {
                error(hashColumn, "admin.import.row.invalid_legacy_hash");
                return new String[2];
            }
            java.util.Optional<LegacyPasswords.ExcessiveCost> excessive = LegacyPasswords.excessiveCost(hash);
            if (excessive.isPresent()) {
                // a costlier hash would hold a hash slot for seconds at each guess on this account
                LegacyPasswords.ExcessiveCost cost = excessive.get();
                error(hashColumn, cost.format() == LegacyPasswords.Format.BCRYPT
                        ? "admin.import.row.legacy_hash_bcrypt_too_costly" : "admin.import.row.legacy_hash_pbkdf2_too_costly",
                        cost.cost(), cost.max());
                return new String[2];
            }
            return new String[] {login, hash};
        }

        /** Representative {@code n}, or null when all its cells are empty. */
        PersonEntry representative(int n) {
            boolean any = false;
            for (String column : List.of(repId(n), repLastName(n), repFirstName(n), repEmail(n), repLegacyId(n),
                    repLegacyHash(n))) {
                String value = raw.apply(column);
                any |= value != null && !value.isBlank();
            }
            if (!any) {
                return null;
            }
            int before = errors.size();
            String id = registryId(repId(n), true);
            String last = name(repLastName(n));
            String first = name(repFirstName(n));
            String email = email(repEmail(n));
            String[] legacy = legacy(repLegacyId(n), repLegacyHash(n));
            return errors.size() > before || id == null ? null
                    : new PersonEntry(id, last, first, null, email, legacy[0], legacy[1]);
        }
    }
}
