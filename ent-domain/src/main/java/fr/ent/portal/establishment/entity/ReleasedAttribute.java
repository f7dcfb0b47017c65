package fr.ent.portal.establishment.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service may receive about the person in a CAS 3.0 validation ({@code /cas/p3/serviceValidate}), with the
 * attribute's name in the answer. Everything describes the establishment chosen when the ticket was issued.
 */
public enum ReleasedAttribute {
    /** The portal identifier (also the CAS user). */
    IDENTIFIER("uid"),
    FIRST_NAME("givenName"),
    LAST_NAME("sn"),
    /** PUPIL, LEGAL_REPRESENTATIVE, TEACHER, SCHOOL_ADMIN, REGION_ADMIN. */
    PROFILE("profile"),
    /** The UAI code of the chosen establishment. */
    UAI("uai"),
    /** A pupil's class there this school year. */
    DIVISION("division"),
    /** A representative's attached children enrolled there: their identifiers (one value each). */
    CHILDREN("children");

    private final String casName;

    ReleasedAttribute(String casName) {
        this.casName = casName;
    }

    /** The element name in {@code <cas:attributes>}. */
    public String casName() {
        return casName;
    }

    /** Stored form: names joined by commas ("" for none). */
    public static String join(Collection<ReleasedAttribute> attributes) {
        return attributes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Reads the stored form; unknown names (a value removed since) are skipped. */
    public static Set<ReleasedAttribute> parse(String stored) {
        Set<ReleasedAttribute> attributes = EnumSet.noneOf(ReleasedAttribute.class);
        if (stored == null || stored.isBlank()) {
            return attributes;
        }
        for (String name : stored.split(",")) {
            Arrays.stream(values()).filter(a -> a.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                    .findFirst().ifPresent(attributes::add);
        }
        return attributes;
    }
}
