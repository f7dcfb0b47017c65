package fr.ent.portal.registry.control;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/**
 * Division (class) names of a registry export: at most 40 characters of letters, digits, spaces and {@code ' ( ) . / -},
 * starting with a level that exists in this kind of establishment ({@code 2nde B}, {@code 1re C}, {@code Terminale A}
 * in a lycée; {@code 6e A}... {@code 3e B} in a collège; {@code CP}... {@code CM2} in a school). A class the portal
 * has never seen is fine (it is created by the import); a {@code 5e A} in a lycée is an unknown class.
 */
public final class DivisionRule {

    public static final int MAX_LENGTH = 40;
    static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '().\\/-]*");

    private static final List<String> LYCEE = List.of("2nde", "2de", "seconde", "1re", "1ere", "premiere", "terminale",
            "tle", "bts", "cpge", "mpsi", "pcsi");
    private static final List<String> PRO = List.of("cap", "bac pro", "mc", "3e prepa", "3eme prepa");
    private static final List<String> COLLEGE = List.of("6e", "6eme", "5e", "5eme", "4e", "4eme", "3e", "3eme", "ulis",
            "segpa");
    private static final List<String> ECOLE = List.of("tps", "ps", "ms", "gs", "cp", "ce1", "ce2", "cm1", "cm2", "ulis");

    private DivisionRule() {
    }

    /** What is wrong with the division ({@code invalid} or {@code unknown}), or empty when it is acceptable. */
    public static Optional<String> problem(EstablishmentKind kind, String division) {
        String name = normalize(division);
        if (name.isEmpty() || name.length() > MAX_LENGTH || !SHAPE.matcher(name).matches()) {
            return Optional.of("invalid");
        }
        List<String> levels = levels(kind);
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        String plain = plain(name);
        return levels.stream().anyMatch(plain::startsWith) ? Optional.empty() : Optional.of("unknown");
    }

    /** Spaces trimmed and collapsed: {@code " 2nde   B "} is {@code "2nde B"}. */
    public static String normalize(String division) {
        return division == null ? "" : division.strip().replaceAll("\\s+", " ");
    }

    private static List<String> levels(EstablishmentKind kind) {
        if (kind == null) {
            return List.of();
        }
        return switch (kind) {
            case LYCEE, LYCEE_AGRICOLE -> LYCEE;
            case LYCEE_PROFESSIONNEL -> concat(LYCEE, PRO);
            case COLLEGE -> COLLEGE;
            case ECOLE -> ECOLE;
            case EREA, CFA -> List.of();
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
