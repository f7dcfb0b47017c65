package fr.ent.portal.registry.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.registry.control.ImportPlan.EnrollmentEnd;
import fr.ent.portal.registry.control.ImportPlan.LinkPlan;
import fr.ent.portal.registry.control.ImportPlan.PupilPlan;
import fr.ent.portal.registry.control.ImportPlan.RepresentativePlan;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Writes a confirmed {@link ImportPlan} through the entities (their rules apply) inside the caller's transaction.
 * New accounts are PROVISIONAL without any secret (their letters are printed from the letters page) or, for people
 * of the previous ENT, keep their old login and hash. Writes are flushed and the persistence context cleared every
 * {@code batch} rows, so that 20,000 rows go out as JDBC batches in bounded memory.
 */
public final class ImportWriter {

    /** What was written, per report line. */
    public record Written(Map<String, String> identifiers, int created, int updated, int links, int ended) {
    }

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;
    private final SchoolYear year;
    private final long establishmentId;
    private final int batch;

    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, String> identifiers = new HashMap<>();
    private int pending;

    public ImportWriter(EntityManager em, Instant now, LocalDate today, SchoolYear year, long establishmentId, int batch) {
        this.em = em;
        this.now = now;
        this.today = today;
        this.year = year;
        this.establishmentId = establishmentId;
        this.batch = Math.max(1, batch);
    }

    public Written write(ImportPlan plan, ImportProgress progress) {
        if (!plan.confirmable()) {
            throw new IllegalStateException("A plan with errors is never written");
        }
        progress.start(plan.pupils().size() + plan.representatives().size() + plan.ends().size() + 1
                + (plan.staff() == null ? 0 : plan.staff().members().size() + plan.staff().toAdd().size()));
        allocateIdentifiers(plan);
        int created = 0;
        int updated = 0;
        for (RepresentativePlan rep : plan.representatives()) {
            switch (rep.action()) {
                case CREATE -> {
                    Account account = newAccount(rep.externalId(), rep.entry(), Profile.LEGAL_REPRESENTATIVE);
                    if (rep.entry().email() != null) {
                        account.changeRecoveryEmail(rep.entry().email());
                    }
                    created++;
                }
                case UPDATE -> {
                    Account account = em.find(Account.class, rep.accountId());
                    account.correctFromRegistry(rep.entry().firstName(), rep.entry().lastName(), account.birthDate());
                    if (rep.changes().contains(Change.EMAIL) && account.recoveryEmail() == null) {
                        account.changeRecoveryEmail(rep.entry().email());
                    }
                    ids.put(rep.externalId(), account.id());
                    updated++;
                }
                case UNCHANGED -> ids.put(rep.externalId(), rep.accountId());
            }
            step(progress);
        }
        Map<String, List<LinkPlan>> linksByPupil = new HashMap<>();
        plan.links().forEach(l -> linksByPupil.computeIfAbsent(l.pupilExternalId(), k -> new ArrayList<>()).add(l));
        int links = 0;
        for (PupilPlan pupil : plan.pupils()) {
            Account account = switch (pupil.action()) {
                case CREATE -> {
                    created++;
                    Account created1 = newAccount(pupil.externalId(), pupil.entry(), Profile.PUPIL);
                    em.persist(new Enrollment(created1, establishment(), pupil.division(), year));
                    yield created1;
                }
                case UPDATE -> {
                    updated++;
                    yield update(pupil);
                }
                case UNCHANGED -> null;
            };
            List<LinkPlan> pupilLinks = linksByPupil.getOrDefault(pupil.externalId(), List.of());
            if (!pupilLinks.isEmpty()) {
                Account child = account != null ? account : em.find(Account.class, pupil.accountId());
                for (LinkPlan link : pupilLinks) {
                    em.persist(new Responsibility(em.find(Account.class, ids.get(link.representativeExternalId())),
                            child, now));
                    links++;
                }
            }
            step(progress);
        }
        for (EnrollmentEnd end : plan.ends()) {
            em.find(Enrollment.class, end.enrollmentId()).end(today);
            step(progress);
        }
        if (plan.staff() != null) {
            int[] staffCounts = writeStaff(plan.staff(), progress);
            created += staffCounts[0];
            updated += staffCounts[1];
        }
        em.flush();
        em.clear();
        progress.finish();
        return new Written(Map.copyOf(identifiers), created, updated, links, plan.ends().size());
    }

    /** The staff part: accounts, then the roles the export no longer lists removed, then the new roles. */
    private int[] writeStaff(StaffPlan staff, ImportProgress progress) {
        int created = 0;
        int updated = 0;
        for (StaffPlan.Member member : staff.members()) {
            switch (member.action()) {
                case CREATE -> {
                    Account account = new Account(identifiers.get(member.externalId()), member.firstName(),
                            member.lastName(), null, Profile.TEACHER, now);
                    account.linkToRegistry(member.externalId());
                    em.persist(account);
                    ids.put(member.externalId(), account.id());
                    created++;
                }
                case UPDATE -> {
                    Account account = em.find(Account.class, member.accountId());
                    account.correctFromRegistry(member.firstName(), member.lastName(), account.birthDate());
                    ids.put(member.externalId(), account.id());
                    updated++;
                }
                case UNCHANGED -> ids.put(member.externalId(), member.accountId());
            }
            step(progress);
        }
        for (StaffPlan.Removal removal : staff.toRemove()) {
            Assignment held = em.find(Assignment.class, removal.assignmentId());
            if (held != null) {
                em.remove(held);
            }
        }
        em.flush();
        for (StaffPlan.Role role : staff.toAdd()) {
            Account account = em.find(Account.class, ids.get(role.externalId()));
            em.persist(role.division() == null ? Assignment.of(account, establishment(), AssignmentRole.TEACHER, year)
                    : role.principal() ? Assignment.principalTeacher(account, establishment(), role.division(), year)
                    : Assignment.teacherOf(account, establishment(), role.division(), year));
            step(progress);
        }
        return new int[] {created, updated};
    }

    private void allocateIdentifiers(ImportPlan plan) {
        IdentifierAllocator allocator = new IdentifierAllocator(em);
        if (plan.staff() != null) {
            plan.staff().members().stream().filter(m -> m.action() == Action.CREATE).forEach(m ->
                    identifiers.put(m.externalId(), allocator.next(m.firstName(), m.lastName())));
        }
        plan.representatives().stream().filter(r -> r.action() == Action.CREATE)
                .forEach(r -> identifiers.put(r.externalId(), allocator.next(r.entry().firstName(), r.entry().lastName())));
        plan.pupils().stream().filter(p -> p.action() == Action.CREATE)
                .forEach(p -> identifiers.put(p.externalId(), allocator.next(p.entry().firstName(), p.entry().lastName())));
    }

    private Account newAccount(String externalId, PersonEntry entry, Profile profile) {
        Account account = new Account(identifiers.get(externalId), entry.firstName(), entry.lastName(), entry.birthDate(),
                profile, now);
        account.linkToRegistry(externalId);
        if (entry.legacyIdentifier() != null) {
            account.keepLegacyCredential(entry.legacyIdentifier(), entry.legacyHash());
        }
        em.persist(account);
        ids.put(externalId, account.id());
        return account;
    }

    private Account update(PupilPlan pupil) {
        Account account = em.find(Account.class, pupil.accountId());
        account.correctFromRegistry(pupil.entry().firstName(), pupil.entry().lastName(), pupil.entry().birthDate());
        if (pupil.changes().contains(Change.ENROLLED)) {
            em.persist(new Enrollment(account, establishment(), pupil.division(), year));
        } else if (pupil.enrollmentId() != null) {
            Enrollment enrollment = em.find(Enrollment.class, pupil.enrollmentId());
            if (pupil.changes().contains(Change.RE_ENROLLED)) {
                enrollment.resume();
            }
            if (pupil.changes().contains(Change.DIVISION)) {
                enrollment.moveTo(pupil.division());
            }
        }
        return account;
    }

    private Establishment establishment() {
        return em.getReference(Establishment.class, establishmentId);
    }

    /** Every {@code batch} steps: send the batched statements and forget the written entities. */
    private void step(ImportProgress progress) {
        progress.advance(1);
        if (++pending >= batch) {
            em.flush();
            em.clear();
            pending = 0;
        }
    }
}
