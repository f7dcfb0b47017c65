package fr.ent.portal.mfa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.Profile;

class FactorPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final FactorPolicy policy = new FactorPolicy(FactorPolicy.profiles("SCHOOL_ADMIN, region_admin"),
            Duration.ofDays(7), Duration.ofHours(12));

    @Test
    void theListedProfilesMustEnrolOthersMayChoose() {
        assertEquals(FactorPolicy.Next.ENROL, policy.next(Profile.SCHOOL_ADMIN, false, () -> false));
        assertEquals(FactorPolicy.Next.ENROL, policy.next(Profile.REGION_ADMIN, false, () -> false));
        assertEquals(FactorPolicy.Next.NONE, policy.next(Profile.LEGAL_REPRESENTATIVE, false, () -> true));
        assertEquals(FactorPolicy.Next.ASK_FACTOR, policy.next(Profile.LEGAL_REPRESENTATIVE, true, () -> false));
        assertEquals(FactorPolicy.Next.ASK_FACTOR, policy.next(Profile.SCHOOL_ADMIN, true, () -> true));
        assertEquals(Set.of(), FactorPolicy.profiles(" "));
        assertEquals(Set.of(), FactorPolicy.profiles("none"));
        assertThrows(IllegalArgumentException.class, () -> FactorPolicy.profiles("SCHOOL_ADMIN,PRINCIPAL"));
    }

    /** Issue 24: an admin whose factor is a passkey (no app) signs in with it, never asked to enrol an app. */
    @Test
    void aPasskeyWithoutAnAppMeansSigningInWithThePasskey() {
        assertEquals(FactorPolicy.Next.USE_PASSKEY, policy.next(Profile.SCHOOL_ADMIN, false, () -> true));
        assertEquals(FactorPolicy.Next.ENROL, policy.next(Profile.SCHOOL_ADMIN, false, () -> false));
        assertEquals(FactorPolicy.Next.NONE, policy.next(Profile.TEACHER, false, () -> true), "optional: the password suffices");
        assertEquals(FactorPolicy.Next.NONE, policy.next(Profile.PUPIL, false, () -> {
            throw new AssertionError("not read when the profile needs no factor");
        }));
    }

    @Test
    void enrollingMayBePutOffWithinTheGraceOnly() {
        assertTrue(policy.mayPutOff(NOW.minus(Duration.ofDays(6)), NOW));
        assertFalse(policy.mayPutOff(NOW.minus(Duration.ofDays(7)), NOW));
        FactorPolicy noGrace = new FactorPolicy(Set.of(Profile.SCHOOL_ADMIN), Duration.ZERO, Duration.ofHours(12));
        assertFalse(noGrace.mayPutOff(NOW, NOW));
    }

    @Test
    void aRememberedDeviceNeverStandsInForTheFactorBeyondTheMaximum() {
        assertTrue(policy.rememberedDeviceSuffices(Profile.SCHOOL_ADMIN, NOW.minus(Duration.ofHours(11)), NOW));
        assertFalse(policy.rememberedDeviceSuffices(Profile.SCHOOL_ADMIN, NOW.minus(Duration.ofHours(12)), NOW));
        assertFalse(policy.rememberedDeviceSuffices(Profile.SCHOOL_ADMIN, null, NOW), "remembered without a factor");
        assertTrue(policy.rememberedDeviceSuffices(Profile.PUPIL, null, NOW));
    }
}
