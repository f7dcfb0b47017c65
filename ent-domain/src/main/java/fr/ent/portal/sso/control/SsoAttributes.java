package fr.ent.portal.sso.control;

import fr.ent.portal.establishment.entity.ReleasedAttribute;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes block of a CAS 3.0 validation: the fixed CAS ones in the order of the protocol's schema
 * ({@code authenticationDate}, {@code longTermAuthenticationRequestTokenUsed}, {@code isFromNewLogin}), how the person
 * signed in ({@code authenticationMethod}: RFC 8176's {@code amr}, as in OpenID Connect; {@code authnContextClass} for
 * two factors, Apereo CAS's names: {@link SignInMethod}), then those of the service's list, read from the person as
 * seen in the chosen establishment. Empty values are left out.
 */
public final class SsoAttributes {

    private SsoAttributes() {
    }

    /** The person's side, for the establishment of the ticket. */
    public record Person(String identifier, String firstName, String lastName, String profile, String uai,
                         String division, List<String> children) {
    }

    public static Map<String, List<String>> of(Person person, Set<ReleasedAttribute> released,
                                               Instant authenticatedAt, boolean fromNewLogin,
                                               boolean longTermUsed, String amr) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("authenticationDate", List.of(authenticatedAt.toString()));
        attributes.put("longTermAuthenticationRequestTokenUsed", List.of(String.valueOf(longTermUsed)));
        attributes.put("isFromNewLogin", List.of(String.valueOf(fromNewLogin)));
        attributes.put("authenticationMethod", List.of(amr));
        String contextClass = SignInMethod.casContextClass(amr);
        if (contextClass != null) {
            attributes.put("authnContextClass", List.of(contextClass));
        }
        for (ReleasedAttribute attribute : ReleasedAttribute.values()) {
            if (!released.contains(attribute)) {
                continue;
            }
            List<String> values = switch (attribute) {
                case IDENTIFIER -> single(person.identifier());
                case FIRST_NAME -> single(person.firstName());
                case LAST_NAME -> single(person.lastName());
                case PROFILE -> single(person.profile());
                case UAI -> single(person.uai());
                case DIVISION -> single(person.division());
                case CHILDREN -> person.children();
            };
            if (!values.isEmpty()) {
                attributes.put(attribute.casName(), values);
            }
        }
        return attributes;
    }

    private static List<String> single(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }
}
