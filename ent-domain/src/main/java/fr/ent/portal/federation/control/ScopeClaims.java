package fr.ent.portal.federation.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.sso.control.SsoAttributes;

/**
 * Scopes a client may ask for and the claims they release. The values come from the same rule as CAS attributes
 * ({@link SsoAttributes}: the person as the chosen establishment sees them); only the names differ.
 * <ul>
 * <li>{@code openid}: required; the pairwise {@code sub} only.</li>
 * <li>{@code profile}: {@code preferred_username} (portal identifier), {@code given_name}, {@code family_name},
 * {@code ent_profile}.</li>
 * <li>{@code ent_establishment}: {@code ent_uai}, the UAI of the chosen establishment.</li>
 * <li>{@code ent_class}: {@code ent_class}, a pupil's class there this school year.</li>
 * <li>{@code ent_children}: {@code ent_children}, a representative's attached children enrolled there.</li>
 * </ul>
 */
public final class ScopeClaims {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String ESTABLISHMENT = "ent_establishment";
    public static final String CLASS = "ent_class";
    public static final String CHILDREN = "ent_children";
    /** Every scope the portal knows, in the order shown. */
    public static final List<String> KNOWN = List.of(OPENID, PROFILE, ESTABLISHMENT, CLASS, CHILDREN);

    private static final Map<ReleasedAttribute, String> CLAIM = Map.of(
            ReleasedAttribute.IDENTIFIER, "preferred_username",
            ReleasedAttribute.FIRST_NAME, "given_name",
            ReleasedAttribute.LAST_NAME, "family_name",
            ReleasedAttribute.PROFILE, "ent_profile",
            ReleasedAttribute.UAI, "ent_uai",
            ReleasedAttribute.DIVISION, "ent_class",
            ReleasedAttribute.CHILDREN, "ent_children");

    private ScopeClaims() {
    }

    /** The scopes asked for that the client may have (unknown or not allowed ones are dropped). */
    public static Set<String> granted(String requested, Set<String> allowed) {
        if (requested == null) {
            return Set.of();
        }
        return Arrays.stream(requested.split(" ")).filter(s -> !s.isEmpty())
                .filter(KNOWN::contains).filter(allowed::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The CAS attributes behind these scopes. */
    public static Set<ReleasedAttribute> released(Set<String> scopes) {
        Set<ReleasedAttribute> released = EnumSet.noneOf(ReleasedAttribute.class);
        if (scopes.contains(PROFILE)) {
            released.addAll(EnumSet.of(ReleasedAttribute.IDENTIFIER, ReleasedAttribute.FIRST_NAME,
                    ReleasedAttribute.LAST_NAME, ReleasedAttribute.PROFILE));
        }
        if (scopes.contains(ESTABLISHMENT)) {
            released.add(ReleasedAttribute.UAI);
        }
        if (scopes.contains(CLASS)) {
            released.add(ReleasedAttribute.DIVISION);
        }
        if (scopes.contains(CHILDREN)) {
            released.add(ReleasedAttribute.CHILDREN);
        }
        return released;
    }

    /**
     * The claims of these scopes for the person (empty values left out; children as an array, others as strings).
     */
    public static Map<String, Object> claims(SsoAttributes.Person person, Set<String> scopes, Instant authTime) {
        Set<ReleasedAttribute> released = released(scopes);
        Map<String, List<String>> attributes = SsoAttributes.of(person, released, authTime, false, false, "pwd");
        Map<String, Object> claims = new LinkedHashMap<>();
        for (ReleasedAttribute attribute : released) {
            List<String> values = attributes.get(attribute.casName());
            if (values == null || values.isEmpty()) {
                continue;
            }
            claims.put(CLAIM.get(attribute), attribute == ReleasedAttribute.CHILDREN ? List.copyOf(values) : values.get(0));
        }
        return claims;
    }

    /** Space-separated, sorted. */
    public static String join(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    public static Set<String> split(String scope) {
        return scope == null ? Set.of() : Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
