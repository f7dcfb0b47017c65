package fr.ent.portal.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.config.Setting;

/** The settings behind the protections: their defaults parse, and a wrong value names its setting. */
class SignInProtectionTest {

    @Test
    void theDefaultHoldsAreOneFiveAndFifteenMinutes() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)),
                SignInProtection.durations(Setting.SIGNIN_LOCK_HOLDS, Setting.SIGNIN_LOCK_HOLDS.defaultValue()));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)),
                SignInProtection.durations(Setting.SIGNIN_LOCK_HOLDS, " 30 , PT2M"));
    }

    @Test
    void aWrongHoldNamesTheSetting() {
        for (String wrong : List.of("PT1M,,PT5M", "5 minutes", "PT0S", "-PT1M", "")) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> SignInProtection.durations(Setting.SIGNIN_LOCK_HOLDS, wrong));
            assertTrue(failure.getMessage().contains("ent.signin.lock.holds"), failure.getMessage());
        }
    }

    @Test
    void aWrongCidrNamesTheSettingAndTheEntry() {
        assertEquals(List.of(), SignInProtection.cidrs(Setting.HTTP_TRUSTED_PROXIES, Setting.HTTP_TRUSTED_PROXIES.defaultValue()));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SignInProtection.cidrs(Setting.SIGNIN_IP_ALLOWLIST, "10.0.0.0/8,lycee.example.org"));
        assertTrue(failure.getMessage().contains("ent.signin.ip.allowlist"), failure.getMessage());
        assertTrue(failure.getMessage().contains("lycee.example.org"), failure.getMessage());
    }

    @Test
    void theOtherDefaultsAreWhatTheProtectionsExpect() {
        assertEquals("5", Setting.SIGNIN_LOCK_THRESHOLD.defaultValue());
        assertEquals("100000", Setting.SIGNIN_LOCK_MAX_KEYS.defaultValue());
        assertEquals("30", Setting.SIGNIN_IP_BURST.defaultValue());
        assertEquals("20", Setting.SIGNIN_IP_PER_MINUTE.defaultValue());
        assertEquals(Duration.ofDays(180), Duration.parse(Setting.SIGNIN_DEVICE_COOKIE_MAX_AGE.defaultValue()));
        assertEquals("", Setting.SECURITY_SIGNING_KEY.defaultValue());
    }
}
