package fr.ent.portal.mfa.control;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import fr.ent.portal.platform.Profile;

/**
 * Who must have a second factor ({@code ent.mfa.required-profiles}), how long someone who must may still put off
 * enrolling ({@code ent.mfa.grace}, counted from the first sign-in that asked), and how long a remembered device may
 * sign such a person in without the factor ({@code ent.mfa.remembered-max}).
 */
public record FactorPolicy(Set<Profile> requiredProfiles, Duration grace, Duration rememberedMax) {

    /** What a sign-in whose password was right must do next. */
    public enum Next {
        /** Nothing: the session is granted. */
        NONE,
        /** Ask the enrolled factor. */
        ASK_FACTOR,
        /** The profile needs a factor and none is enrolled: enrol now (the grace period may allow "later"). */
        ENROL,
        /**
         * The profile needs a factor, no authenticator app is enrolled but a passkey is: the passkey is the factor, so
         * the person signs in with it (never asked to enrol an app they do not need).
         */
        USE_PASSKEY
    }

    public FactorPolicy {
        requiredProfiles = requiredProfiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredProfiles));
        if (grace.isNegative() || rememberedMax.isNegative()) {
            throw new IllegalArgumentException("Negative durations in the second-factor policy");
        }
    }

    /**
     * The profiles of a comma-separated list; {@code none} for none.
     *
     * @throws IllegalArgumentException naming the profile that does not exist
     */
    public static Set<Profile> profiles(String list) {
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        if (list == null || "none".equalsIgnoreCase(list.strip())) {
            return profiles; // MicroProfile Config takes an empty value for a missing one: "none" says none
        }
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                try {
                    profiles.add(Profile.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException("ent.mfa.required-profiles: unknown profile " + name.strip(), unknown);
                }
            }
        }
        return profiles;
    }

    public boolean required(Profile profile) {
        return profile != null && requiredProfiles.contains(profile);
    }

    /**
     * @param appEnrolled a confirmed authenticator app
     * @param hasPasskey at least one passkey (read only when it matters: {@code !appEnrolled && required(profile)})
     */
    public Next next(Profile profile, boolean appEnrolled, java.util.function.BooleanSupplier hasPasskey) {
        if (appEnrolled) {
            return Next.ASK_FACTOR;
        }
        if (!required(profile)) {
            return Next.NONE;
        }
        return hasPasskey.getAsBoolean() ? Next.USE_PASSKEY : Next.ENROL;
    }

    /** Whether enrolling may still be put off: within the grace period counted from the first time it was asked. */
    public boolean mayPutOff(Instant firstAsked, Instant now) {
        return firstAsked != null && !grace.isZero() && now.isBefore(firstAsked.plus(grace));
    }

    /**
     * Whether a remembered device may still sign this person in without the factor: always for a profile that does
     * not need one; else only within {@code rememberedMax} of the last time the factor was given on that device.
     */
    public boolean rememberedDeviceSuffices(Profile profile, Instant factorGivenAt, Instant now) {
        if (!required(profile)) {
            return true;
        }
        return factorGivenAt != null && now.isBefore(factorGivenAt.plus(rememberedMax));
    }
}
