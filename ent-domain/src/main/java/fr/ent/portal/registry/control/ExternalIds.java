package fr.ent.portal.registry.control;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The stable external id stored on an imported account: {@code <académie>:eleve:<id>} or
 * {@code <académie>:responsable:<id>}. Registry ids are stable within an académie's registry, so the same person
 * keeps one account when they change establishment within the académie (docs/IMPORT.md).
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    public static String pupil(String academie, String registryId) {
        return slug(academie) + ":eleve:" + registryId;
    }

    public static String representative(String academie, String registryId) {
        return slug(academie) + ":responsable:" + registryId;
    }

    /**
     * A staff member of an STSWeb export: {@code <académie>:personnel:<UAI>-<id>} (STS ids are the establishment's
     * export's; a teacher of two establishments has two accounts until the académie's directory joins them).
     */
    public static String staff(String academie, String uai, String stsId) {
        return slug(academie) + ":personnel:" + uai.toUpperCase(Locale.ROOT) + "-" + stsId;
    }

    /**
     * A staff member of the region's AAF feed: {@code <académie>:personnel:aaf-<AAF id>} (the académie's directory id,
     * one account whatever the establishment; a UAI never starts with {@code aaf-}, so STSWeb's ids never meet these).
     */
    public static String aafStaff(String academie, String aafId) {
        return staffPrefix(academie) + "aaf-" + aafId;
    }

    /** The prefix of every staff external id of this académie. */
    public static String staffPrefix(String academie) {
        return slug(academie) + ":personnel:";
    }

    /** {@code Créteil} → {@code creteil}: lower-case ASCII letters and digits. */
    static String slug(String academie) {
        String plain = Normalizer.normalize(academie == null ? "" : academie, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return plain.isEmpty() ? "region" : plain.length() > 40 ? plain.substring(0, 40) : plain;
    }
}
