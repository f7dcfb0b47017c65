package fr.ent.portal.registry.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of the AAF feed dropped in the region's inbox, known by its name:
 * {@code ENT_<REGION>_<Complet|Delta>_<AAAAMMJJ>_<type>_<n°>.xml} (e.g.
 * {@code ENT_CRETEIL_Complet_20261205_Eleve_0000.xml}). The feed is imported in order: by date, a day's full files
 * before its deltas, establishments first, then staff, pupils and their representatives, then the file number. A
 * delta waits until a full file of its date or earlier has been imported.
 */
public record AafFeedFile(String name, boolean full, LocalDate date, String type, int number) {

    private static final Pattern NAME = Pattern.compile(
            "ENT_[A-Za-z0-9-]{1,40}_(Complet|Delta)_(\\d{8})_(EtabEducNat|PersEducNat|Eleve|PersRelEleve|MatiereEducNat|MefEducNat)_(\\d{1,6})\\.xml");
    private static final List<String> TYPES = List.of("EtabEducNat", "MatiereEducNat", "MefEducNat", "PersEducNat",
            "Eleve", "PersRelEleve");

    /** The import order. */
    public static final Comparator<AafFeedFile> ORDER = Comparator.comparing(AafFeedFile::date)
            .thenComparing(f -> !f.full()).thenComparingInt(f -> TYPES.indexOf(f.type()))
            .thenComparingInt(AafFeedFile::number).thenComparing(AafFeedFile::name);

    /** The file's description, or empty when the name is not the feed's. */
    public static Optional<AafFeedFile> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AafFeedFile(name, m.group(1).equals("Complet"),
                    LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE), m.group(3), Integer.parseInt(m.group(4))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** What to import now, in order, what waits for its full file, and deltas older than the last full (skipped). */
    public record Schedule(List<AafFeedFile> ready, List<AafFeedFile> waiting, List<AafFeedFile> superseded) {
    }

    /**
     * @param inbox          the feed's files found in the inbox
     * @param imported       names already imported (each file once)
     * @param lastFullDate   the date of the last full feed imported, or null
     */
    public static Schedule schedule(List<AafFeedFile> inbox, Set<String> imported, LocalDate lastFullDate) {
        List<AafFeedFile> pending = inbox.stream().filter(f -> !imported.contains(f.name())).sorted(ORDER).toList();
        List<AafFeedFile> ready = new ArrayList<>();
        List<AafFeedFile> waiting = new ArrayList<>();
        List<AafFeedFile> superseded = new ArrayList<>();
        LocalDate full = lastFullDate;
        for (AafFeedFile file : pending) {
            if (file.full()) {
                ready.add(file);
                full = full == null || file.date().isAfter(full) ? file.date() : full;
            } else if (full != null && !file.date().isBefore(full)) {
                ready.add(file);
            } else if (full == null) {
                waiting.add(file); // a delta before any full file: waits for it
            } else {
                superseded.add(file); // older than the last full file, which already holds its changes
            }
        }
        return new Schedule(ready, waiting, superseded);
    }
}
