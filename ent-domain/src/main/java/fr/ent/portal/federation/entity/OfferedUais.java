package fr.ent.portal.federation.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a federated service (a SAML provider, an OpenID Connect client) is offered: the UAIs of the establishments,
 * stored comma-separated, none meaning every establishment. The one rule both registries share.
 */
public final class OfferedUais {

    public static final int MAX = 200;
    private static final String UAI = "[0-9]{7}[A-Z]";

    private OfferedUais() {
    }

    /** The UAIs as typed (spaces, commas or semicolons between them), upper-cased, each once. */
    public static List<String> parse(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[\\s,;]+")).map(String::strip)
                .map(s -> s.toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Each one shaped like a UAI, and not too many. */
    public static boolean valid(List<String> uais) {
        return uais.size() <= MAX && uais.stream().allMatch(u -> u.matches(UAI));
    }

    /** The stored form. */
    public static String join(List<String> uais) {
        return String.join(",", uais.stream().map(u -> u.strip().toUpperCase(Locale.ROOT)).filter(u -> !u.isEmpty())
                .distinct().toList());
    }

    /** The stored form read back. */
    public static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }

    /** Offered in the establishment of this UAI (none listed: in every establishment; no establishment: only then). */
    public static boolean includes(String stored, String uai) {
        List<String> uais = split(stored);
        return uais.isEmpty() || uai != null && uais.contains(uai.toUpperCase(Locale.ROOT));
    }
}
