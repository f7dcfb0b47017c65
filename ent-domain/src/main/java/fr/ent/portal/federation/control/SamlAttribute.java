package fr.ent.portal.federation.control;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.ent.portal.sso.control.SsoAttributes;

/**
 * The attributes a SAML service provider may receive, chosen by the region for each one; their values are the person
 * as the chosen establishment sees them ({@code sso.control.PersonAtEstablishment}, the rule of CAS and OpenID
 * Connect). {@link #GAR} is the set the GAR (Médiacentre) reads: the ENT's identifier at the GAR, the person's stable
 * opaque identifier, and the UAI of the establishment the person chose.
 */
public enum SamlAttribute {

    /** The pairwise persistent identifier of the person for this service provider (as the NameID). */
    GAR_PERSON_ID("GARPersonIdentifiant"),
    /** The ENT's identifier given by the GAR ({@code ent.saml.gar.id-ent}). */
    GAR_ID_ENT("idEnt"),
    /** UAI of the chosen establishment. */
    UAI("UAI"),
    /** The portal identifier (not opaque: for services of the region only). */
    IDENTIFIER("uid"),
    GIVEN_NAME("givenName"),
    SURNAME("sn"),
    /** PUPIL, LEGAL_REPRESENTATIVE, TEACHER, SCHOOL_ADMIN, REGION_ADMIN. */
    PROFILE("ENTPersonProfils"),
    /** A pupil's class in the chosen establishment this school year. */
    DIVISION("ENTEleveClasse"),
    /** A representative's attached children enrolled in the chosen establishment (portal identifiers). */
    CHILDREN("ENTAuxEnfants");

    /** What the GAR expects (see docs/FEDERATION.md). */
    public static final Set<SamlAttribute> GAR = EnumSet.of(GAR_PERSON_ID, GAR_ID_ENT, UAI);

    private final String samlName;

    SamlAttribute(String samlName) {
        this.samlName = samlName;
    }

    public String samlName() {
        return samlName;
    }

    /** The values released, in this enum's order; empty values are left out. */
    public static Map<String, List<String>> values(Set<SamlAttribute> released, SsoAttributes.Person person,
                                                   String pairwiseId, String garIdEnt) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (SamlAttribute attribute : values()) {
            if (!released.contains(attribute)) {
                continue;
            }
            List<String> value = switch (attribute) {
                case GAR_PERSON_ID -> List.of(pairwiseId);
                case GAR_ID_ENT -> garIdEnt == null || garIdEnt.isBlank() ? List.of() : List.of(garIdEnt.strip());
                case UAI -> person.uai() == null ? List.of() : List.of(person.uai());
                case IDENTIFIER -> List.of(person.identifier());
                case GIVEN_NAME -> person.firstName() == null ? List.of() : List.of(person.firstName());
                case SURNAME -> person.lastName() == null ? List.of() : List.of(person.lastName());
                case PROFILE -> List.of(person.profile());
                case DIVISION -> person.division() == null ? List.of() : List.of(person.division());
                case CHILDREN -> person.children();
            };
            if (!value.isEmpty()) {
                values.put(attribute.samlName(), value);
            }
        }
        return values;
    }

    public static String join(Set<SamlAttribute> attributes) {
        return attributes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Stored names back; unknown names are skipped. */
    public static Set<SamlAttribute> parse(String stored) {
        Set<SamlAttribute> parsed = EnumSet.noneOf(SamlAttribute.class);
        if (stored == null || stored.isBlank()) {
            return parsed;
        }
        for (String name : stored.split(",")) {
            Arrays.stream(values()).filter(a -> a.name().equals(name.strip())).findFirst().ifPresent(parsed::add);
        }
        return parsed;
    }
}
