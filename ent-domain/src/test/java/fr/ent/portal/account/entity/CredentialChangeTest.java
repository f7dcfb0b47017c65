package fr.ent.portal.account.entity;

import fr.ent.portal.platform.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each credential change voids (issue 20, item 3): the rule every path applies through CredentialChanges. */
class CredentialChangeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant CHANGED = SIGNED_IN.plus(Duration.ofMinutes(10));

    private static Account account() {
        Account account = new Account("l.martin1", "Léa", "Martin", null, Profile.PUPIL, SIGNED_IN.minusSeconds(3600));
        account.changePassword("$argon2id$pw");
        return account;
    }

    @ParameterizedTest
    @EnumSource(CredentialChange.class)
    void everyCredentialChangeVoidsTheOpenLinks(CredentialChange change) {
        assertTrue(change.voidsLinks(), change + " voids the reset and verification links");
    }

    @Test
    void passwordChangesAndDisablingEndSessionsEmailChangesDoNot() {
        Set<CredentialChange> endingAll = EnumSet.of(CredentialChange.PASSWORD_RESET, CredentialChange.CODE_REISSUED,
                CredentialChange.DISABLED);
        Set<CredentialChange> endingOthers = EnumSet.of(CredentialChange.PASSWORD_CHANGED_BY_OWNER,
                CredentialChange.FIRST_CONNECTION);
        for (CredentialChange change : CredentialChange.values()) {
            CredentialChange.Sessions expected = endingAll.contains(change) ? CredentialChange.Sessions.ALL
                    : endingOthers.contains(change) ? CredentialChange.Sessions.OTHERS : CredentialChange.Sessions.NONE;
            assertEquals(expected, change.sessions(), change.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = CredentialChange.class, names = {"EMAIL_CHANGED", "EMAIL_CLEARED"}, mode = EnumSource.Mode.EXCLUDE)
    void aChangeThatEndsSessionsVoidsEverySessionStartedUpToIt(CredentialChange change) {
        Account account = account();
        assertTrue(account.isSessionValid(SIGNED_IN));

        Instant validAfter = account.credentialsChanged(change, CHANGED);

        assertEquals(CHANGED, validAfter);
        assertFalse(account.isSessionValid(SIGNED_IN), "a session signed in before the change ends");
        assertFalse(account.isSessionValid(CHANGED), "nor one signed in at the very instant");
        assertTrue(account.isSessionValid(CHANGED.plusNanos(1000)),
                "the one the caller keeps (stamped just after) and later sign-ins go on");
    }

    @ParameterizedTest
    @EnumSource(value = CredentialChange.class, names = {"EMAIL_CHANGED", "EMAIL_CLEARED"})
    void anEmailChangeEndsNoSession(CredentialChange change) {
        Account account = account();
        assertNull(account.credentialsChanged(change, CHANGED));
        assertTrue(account.isSessionValid(SIGNED_IN));
    }

    @Test
    void anOlderChangeNeverRevivesSessionsEndedLater() {
        Account account = account();
        account.credentialsChanged(CredentialChange.PASSWORD_RESET, CHANGED);
        assertEquals(CHANGED, account.credentialsChanged(CredentialChange.DISABLED, SIGNED_IN));
        assertFalse(account.isSessionValid(CHANGED.minusSeconds(1)));
    }
}
