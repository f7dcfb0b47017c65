package fr.ent.portal.account.entity;

import fr.ent.portal.platform.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.BusinessException;

/** The previous ENT's credential on an account: kept at import, replaced once at the first sign-in. */
class AccountLegacyCredentialTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final String BCRYPT = "$2b$10$jvc7weOFEonCiVKgRR1jIORswHl2i6AXENXknsOz2Wj9e3s3L4Znu";

    private static Account imported() {
        Account account = new Account("k.dupuis1", "Karine", "Dupuis", null, Profile.LEGAL_REPRESENTATIVE, NOW);
        account.linkToRegistry("creteil:responsable:R900101");
        account.keepLegacyCredential(" KDupuis ", BCRYPT);
        return account;
    }

    @Test
    void anImportedAccountHoldsOnlyTheLegacyCredential() {
        Account account = imported();
        assertEquals("kdupuis", account.legacyIdentifier());
        assertTrue(account.hasLegacyCredential());
        assertEquals(AccountStatus.PROVISIONAL, account.status());
        assertTrue(account.pendingActions().isEmpty());
        assertThrows(BusinessException.class, () -> account.linkToRegistry("creteil:responsable:OTHER"));
        account.linkToRegistry("creteil:responsable:R900101"); // the same id again is fine
    }

    @Test
    void migratingAWeakPasswordAsksForANewOneAndShowsTheIdentifier() {
        Account account = imported();
        account.migrateLegacyCredential("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", false);
        assertNull(account.legacyHash(), "the old hash is gone");
        assertFalse(account.hasLegacyCredential());
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals(EnumSet.of(PendingAction.SHOW_NEW_IDENTIFIER, PendingAction.CHANGE_PASSWORD,
                PendingAction.RECORD_EMAIL, PendingAction.ACCEPT_CHARTER), account.pendingActions());
        assertThrows(BusinessException.class, () -> account.migrateLegacyCredential("$argon2id$x", true), "only once");
        account.acknowledgeNewIdentifier();
        assertFalse(account.pendingActions().contains(PendingAction.SHOW_NEW_IDENTIFIER));
    }

    @Test
    void aGoodPasswordIsKeptAndAnEmailNeedsNoStep() {
        Account account = imported();
        account.changeRecoveryEmail("k.dupuis@example.org");
        account.migrateLegacyCredential("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", true);
        assertEquals(EnumSet.of(PendingAction.SHOW_NEW_IDENTIFIER, PendingAction.VERIFY_EMAIL, PendingAction.ACCEPT_CHARTER),
                account.pendingActions());
        assertTrue(account.hasBlockingPendingActions());
    }

    @Test
    void aProvisionalCodeOrAPasswordDeletesTheLegacyHash() {
        Account coded = imported();
        coded.issueProvisionalCode("$argon2id$code", NOW.plusSeconds(3600));
        assertNull(coded.legacyHash());
        Account reset = imported();
        reset.changePassword("$argon2id$password");
        assertNull(reset.legacyHash());
        assertThrows(BusinessException.class, () -> reset.keepLegacyCredential("kdupuis", BCRYPT), "has a password");
    }
}
