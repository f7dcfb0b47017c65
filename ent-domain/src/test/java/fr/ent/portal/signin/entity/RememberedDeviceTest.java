package fr.ent.portal.signin.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;

class RememberedDeviceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:40:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static Account active() {
        Account account = new Account("s.bernard1", "Sophie", "Bernard", null, Profile.LEGAL_REPRESENTATIVE, T0.minusSeconds(3600));
        account.changePassword("$argon2id$hash");
        return account;
    }

    @Test
    void signsInUntilItExpiresWithoutExtendingItself() {
        RememberedDevice device = new RememberedDevice(active(), "h", "Firefox · Windows", T0, THIRTY_DAYS);
        assertEquals(RememberedDevice.State.VALID, device.use(T0.plus(Duration.ofDays(29))));
        assertEquals(T0.plus(Duration.ofDays(29)), device.lastUsedAt());
        assertEquals(T0.plus(THIRTY_DAYS), device.expiresAt(), "use does not extend it");
        assertEquals(RememberedDevice.State.EXPIRED, device.use(T0.plus(THIRTY_DAYS)));
        assertEquals(T0.plus(Duration.ofDays(29)), device.lastUsedAt(), "a refused use is not a use");
    }

    @Test
    void aForgottenDeviceNeverSignsInAgain() {
        RememberedDevice device = new RememberedDevice(active(), "h", "", T0, THIRTY_DAYS);
        device.revoke(T0.plusSeconds(60));
        assertEquals(RememberedDevice.State.REVOKED, device.use(T0.plusSeconds(61)));
    }

    @Test
    void signingOutEverywhereAfterwardsVoidsIt() {
        Account account = active();
        RememberedDevice device = new RememberedDevice(account, "h", "", T0, THIRTY_DAYS);
        account.endAllSessions(T0.plusSeconds(60));
        assertEquals(RememberedDevice.State.SESSIONS_ENDED, device.use(T0.plusSeconds(61)));
        RememberedDevice later = new RememberedDevice(account, "h2", "", T0.plusSeconds(120), THIRTY_DAYS);
        assertEquals(RememberedDevice.State.VALID, later.use(T0.plusSeconds(121)), "remembered after it: valid");
    }

    @Test
    void aDisabledAccountIsRefused() {
        Account account = active();
        RememberedDevice device = new RememberedDevice(account, "h", "", T0, THIRTY_DAYS);
        account.disable();
        assertEquals(RememberedDevice.State.ACCOUNT_DISABLED, device.use(T0.plusSeconds(1)));
    }

    @Test
    void firstConnectionStepsStillOwedAreNotSkipped() {
        Account provisional = new Account("l.martin1", "Léa", "Martin", null, Profile.PUPIL, T0);
        RememberedDevice device = new RememberedDevice(provisional, "h", "", T0, THIRTY_DAYS);
        assertEquals(RememberedDevice.State.STEPS_PENDING, device.use(T0.plusSeconds(1)));
    }

    @Test
    void labelsAreBounded() {
        RememberedDevice device = new RememberedDevice(active(), "h", "x".repeat(200), T0, THIRTY_DAYS);
        assertEquals(RememberedDevice.MAX_LABEL, device.label().length());
    }

    /** Issue 20, item 7: the token rotates; the one it replaced is known, and graced for a few seconds only. */
    @Test
    void rotationKeepsTheImmediatelyPreviousTokenAndItsGrace() {
        RememberedDevice device = new RememberedDevice(active(), "h0", "", T0, THIRTY_DAYS);
        Duration grace = Duration.ofSeconds(10);
        org.junit.jupiter.api.Assertions.assertFalse(device.isPrevious("h0"));
        org.junit.jupiter.api.Assertions.assertFalse(device.previousStillGraced(T0, grace), "never rotated");
        device.rotate("h1", T0.plusSeconds(60));
        org.junit.jupiter.api.Assertions.assertTrue(device.isCurrent("h1"));
        org.junit.jupiter.api.Assertions.assertTrue(device.isPrevious("h0"));
        org.junit.jupiter.api.Assertions.assertTrue(device.previousStillGraced(T0.plusSeconds(69), grace));
        org.junit.jupiter.api.Assertions.assertFalse(device.previousStillGraced(T0.plusSeconds(70), grace));
        // a tab whose request began before the rotation and waited for the device's lock (RememberedDeviceIT's tabs)
        org.junit.jupiter.api.Assertions.assertTrue(device.previousStillGraced(T0.plusSeconds(59), grace),
                "a request that started before the rotation carried the then-current token");
        device.rotate("h2", T0.plusSeconds(120));
        org.junit.jupiter.api.Assertions.assertFalse(device.isPrevious("h0"), "only the immediately previous one");
        org.junit.jupiter.api.Assertions.assertTrue(device.isPrevious("h1"));
        org.junit.jupiter.api.Assertions.assertTrue(device.labelledAs(""), "an unknown browser is labelled '?'");
        org.junit.jupiter.api.Assertions.assertFalse(device.labelledAs("Firefox · Windows"));
    }
}
