package fr.ent.portal.account.entity;

import fr.ent.portal.platform.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PasswordResetTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Account activeAccount() {
        Account account = new Account("s.bernard1", "Sophie", "Bernard", null, Profile.LEGAL_REPRESENTATIVE, T0);
        account.changePassword("$argon2id$old");
        return account;
    }

    @Test
    void aLinkWorksOnceBeforeItExpiresAndEndsEarlierSessions() {
        Account account = activeAccount();
        PasswordReset reset = new PasswordReset(account, "hash", T0, Duration.ofMinutes(60));
        Instant signedInBefore = T0.plusSeconds(10);
        Instant use = T0.plus(Duration.ofMinutes(59));
        assertTrue(account.isSessionValid(signedInBefore));

        assertEquals(PasswordReset.State.VALID, reset.use("$argon2id$new", use));
        assertEquals("$argon2id$new", account.passwordHash());
        assertFalse(account.isSessionValid(signedInBefore), "sessions opened before the reset end");
        assertTrue(account.isSessionValid(use.plusMillis(1)), "a session opened afterwards is valid");
        assertEquals(PasswordReset.State.ALREADY_USED, reset.use("$argon2id$again", use.plusSeconds(1)));
        assertEquals("$argon2id$new", account.passwordHash());
    }

    @Test
    void anExpiredLinkChangesNothing() {
        Account account = activeAccount();
        PasswordReset reset = new PasswordReset(account, "hash", T0, Duration.ofMinutes(60));
        assertEquals(PasswordReset.State.EXPIRED, reset.use("$argon2id$new", T0.plus(Duration.ofMinutes(60))));
        assertEquals("$argon2id$old", account.passwordHash());
        assertNull(account.sessionsValidAfter());
    }

    @Test
    void aLinkOfADisabledAccountIsRefused() {
        Account account = activeAccount();
        PasswordReset reset = new PasswordReset(account, "hash", T0, Duration.ofMinutes(60));
        account.disable();
        assertEquals(PasswordReset.State.ACCOUNT_DISABLED, reset.stateAt(T0.plusSeconds(1)));
        assertEquals(PasswordReset.State.ACCOUNT_DISABLED, reset.use("$argon2id$new", T0.plusSeconds(1)));
        assertEquals("$argon2id$old", account.passwordHash());
    }

    @Test
    void aResetForgetsFailuresAndActivatesAProvisionalAccount() {
        Account account = new Account("l.martin1", "Léa", "Martin", null, Profile.PUPIL, T0);
        account.issueProvisionalCode("$argon2id$code", T0.plus(Duration.ofDays(90)));
        account.resetPassword("$argon2id$new", T0.plusSeconds(5));
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertNull(account.provisionalCodeHash());
    }
}
