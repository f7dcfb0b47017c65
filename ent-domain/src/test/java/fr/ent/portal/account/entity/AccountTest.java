package fr.ent.portal.account.entity;

import fr.ent.portal.platform.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(90));

    private static Account pupil() {
        return new Account("l.martin1", "Léa", "Martin", LocalDate.of(2011, 5, 20), Profile.PUPIL, NOW);
    }

    private static Account parent() {
        return new Account("c.durand1", "Claire", "Durand", null, Profile.LEGAL_REPRESENTATIVE, NOW);
    }

    @Test
    void theMailsLanguageIsTheOneTheyLastUsedFrenchByDefault() {
        Account account = parent();
        assertEquals(java.util.Locale.FRENCH, account.language(), "nothing known yet");
        account.speaks(java.util.Locale.UK);
        assertEquals(java.util.Locale.ENGLISH, account.language());
        account.speaks(java.util.Locale.GERMAN);
        assertEquals(java.util.Locale.FRENCH, account.language(), "a language the portal does not write: French");
        account.speaks(null);
        assertEquals(java.util.Locale.FRENCH, account.language());
    }

    @Test
    void aNewAccountIsProvisionalWithoutSecret() {
        Account account = pupil();
        assertEquals(AccountStatus.PROVISIONAL, account.status());
        assertNull(account.passwordHash());
        assertFalse(account.hasValidProvisionalCode(NOW));
        assertTrue(account.pendingActions().isEmpty());
        assertThrows(BusinessException.class, () -> new Account("x.y1", " ", "Y", null, Profile.PUPIL, NOW));
    }

    @Test
    void issuingAProvisionalCodeClearsThePasswordAndAddsTheFirstConnectionSteps() {
        Account account = parent();
        account.changePassword("$argon2id$old");

        account.issueProvisionalCode("$argon2id$code", LATER);

        assertNull(account.passwordHash());
        assertEquals("$argon2id$code", account.provisionalCodeHash());
        assertEquals(LATER, account.provisionalCodeExpiresAt());
        assertEquals(AccountStatus.PROVISIONAL, account.status());
        assertEquals(EnumSet.of(PendingAction.CHANGE_PASSWORD, PendingAction.RECORD_EMAIL, PendingAction.ACCEPT_CHARTER),
                account.pendingActions());
        assertTrue(account.hasValidProvisionalCode(NOW));
        assertFalse(account.hasValidProvisionalCode(LATER));
    }

    @Test
    void aVerifiedEmailIsNotAskedAgain() {
        Account account = parent();
        account.changeRecoveryEmail("C.Durand@Example.org ");
        account.markEmailVerified(NOW);
        account.changePassword("$argon2id$pw");
        account.recordSignIn(NOW);

        account.issueProvisionalCode("$argon2id$code", LATER);

        assertEquals(EnumSet.of(PendingAction.CHANGE_PASSWORD), account.pendingActions());
    }

    @Test
    void firstConnectionActivatesTheAccount() {
        Account account = parent();
        account.issueProvisionalCode("$argon2id$code", LATER);

        account.completeFirstConnection("$argon2id$pw", "Claire.Durand@Example.org", NOW);

        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals("$argon2id$pw", account.passwordHash());
        assertNull(account.provisionalCodeHash());
        assertNull(account.provisionalCodeExpiresAt());
        assertEquals("claire.durand@example.org", account.recoveryEmail());
        assertEquals(EnumSet.of(PendingAction.VERIFY_EMAIL), account.pendingActions());
        assertEquals(NOW, account.lastSignInAt());

        account.markEmailVerified(NOW);
        assertTrue(account.pendingActions().isEmpty());
        assertTrue(account.hasVerifiedEmail());
    }

    @Test
    void firstConnectionNeedsAValidCode() {
        Account account = pupil();
        account.issueProvisionalCode("$argon2id$code", LATER);
        BusinessException expired = assertThrows(BusinessException.class,
                () -> account.completeFirstConnection("$argon2id$pw", null, LATER));
        assertEquals("account.provisionalCode.expired", expired.key());
        assertEquals(AccountStatus.PROVISIONAL, account.status());
    }

    @Test
    void aPupilMayCompleteWithoutEmail() {
        Account account = pupil();
        account.issueProvisionalCode("$argon2id$code", LATER);
        account.completeFirstConnection("$argon2id$pw", null, NOW);
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals(EnumSet.of(PendingAction.RECORD_EMAIL), account.pendingActions());
    }

    @Test
    void changingTheEmailAsksForANewVerification() {
        Account account = parent();
        account.changeRecoveryEmail("a@example.org");
        account.markEmailVerified(NOW);
        account.changeRecoveryEmail("A@example.org");
        assertTrue(account.hasVerifiedEmail(), "same address, other case: still verified");
        account.changeRecoveryEmail("b@example.org");
        assertFalse(account.hasVerifiedEmail());
        assertTrue(account.pendingActions().contains(PendingAction.VERIFY_EMAIL));
        assertThrows(BusinessException.class, () -> account.changeRecoveryEmail(" "));
        assertThrows(BusinessException.class, () -> pupil().markEmailVerified(NOW));
    }

    @Test
    void disableAndEnable() {
        Account active = parent();
        active.changePassword("$argon2id$pw");
        active.disable();
        assertEquals(AccountStatus.DISABLED, active.status());
        assertThrows(BusinessException.class, () -> active.recordSignIn(NOW));
        assertThrows(BusinessException.class, () -> active.issueProvisionalCode("$argon2id$code", LATER));
        active.enable();
        assertEquals(AccountStatus.ACTIVE, active.status());
        assertThrows(BusinessException.class, active::enable);

        Account provisional = pupil();
        provisional.disable();
        provisional.enable();
        assertEquals(AccountStatus.PROVISIONAL, provisional.status());
    }

    @Test
    void schoolingLinksCheckProfiles() {
        Account pupil = pupil();
        Account parent = parent();
        SchoolYear year = SchoolYear.startingIn(2026);
        assertThrows(BusinessException.class, () -> new Enrollment(parent, null, "2nde B", year));
        assertThrows(BusinessException.class, () -> new Responsibility(pupil, parent, NOW));
        assertThrows(BusinessException.class, () -> Assignment.of(parent, null, AssignmentRole.TEACHER, year));
        Account teacher = new Account("p.petit1", "Pierre", "Petit", null, Profile.TEACHER, NOW);
        assertThrows(BusinessException.class, () -> Assignment.of(teacher, null, AssignmentRole.PRINCIPAL_TEACHER, year));

        Responsibility responsibility = new Responsibility(parent, pupil, NOW);
        assertFalse(responsibility.isAttached());
        responsibility.recordAttachmentFailure(NOW, 2);
        responsibility.recordAttachmentFailure(NOW, 2);
        assertTrue(responsibility.isSuspended());
        assertThrows(BusinessException.class, () -> responsibility.attach(NOW));
        responsibility.lift();
        responsibility.attach(LATER);
        assertEquals(LATER, responsibility.attachedAt());
    }

    @Test
    void signingOutEverywhereEndsTheSessionsStartedBeforeOnly() {
        Account account = parent();
        assertTrue(account.isSessionValid(NOW), "no session ended yet");
        account.endAllSessions(NOW.plusSeconds(60));
        assertFalse(account.isSessionValid(NOW));
        assertFalse(account.isSessionValid(NOW.plusSeconds(60)));
        assertTrue(account.isSessionValid(NOW.plusSeconds(61)));
        account.endAllSessions(NOW); // a clock going back never revives ended sessions
        assertFalse(account.isSessionValid(NOW.plusSeconds(30)));
    }

    @Test
    void theChosenEstablishmentIsRemembered() {
        Account account = parent();
        assertNull(account.chosenEstablishmentId());
        account.chooseEstablishment(42L);
        assertEquals(42L, account.chosenEstablishmentId());
    }

    @Test
    void theSchoolOfficeClearsTheRecoveryEmailAndNothingIsLeftToVerify() {
        Account parent = parent();
        parent.changeRecoveryEmail("Claire.Durand@Example.org");
        assertTrue(parent.pendingActions().contains(PendingAction.VERIFY_EMAIL));
        parent.clearRecoveryEmail();
        assertNull(parent.recoveryEmail());
        assertNull(parent.recoveryEmailVerifiedAt());
        assertFalse(parent.pendingActions().contains(PendingAction.VERIFY_EMAIL));
        assertFalse(parent.hasVerifiedEmail());
    }

}
