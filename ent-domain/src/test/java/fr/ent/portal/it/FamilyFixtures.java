package fr.ent.portal.it;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.Accounts;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Test-only boundary of {@link PersistenceIT}: a family of its own (a representative and children declared by the
 * demo collège and lycée), so that the tests never touch the demo accounts other tests rely on. Schools declare
 * responsibilities outside this issue, hence this fixture instead of a production boundary.
 */
@Stateless
public class FamilyFixtures {

    /** A new family: the representative's id and the responsibilities' ids, in the order of the children given. */
    public record Family(long representativeId, List<Long> childIds, List<Long> pupilIds) {
    }

    /** A child: first name, birth date, UAI of this year's school. */
    public record Child(String firstName, LocalDate birthDate, String uai) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @EJB
    Establishments establishments;

    @Inject
    Clock clock;

    public Family declare(String lastName, Child... children) {
        Account representative = accounts.create("Alix", lastName, null, Profile.LEGAL_REPRESENTATIVE);
        Account managed = em.find(Account.class, representative.id());
        List<Long> responsibilities = new java.util.ArrayList<>();
        List<Long> pupils = new java.util.ArrayList<>();
        for (Child child : children) {
            Account pupil = em.find(Account.class,
                    accounts.create(child.firstName(), lastName, child.birthDate(), Profile.PUPIL).id());
            Establishment school = establishments.findByUai(child.uai()).orElseThrow();
            em.persist(new Enrollment(pupil, school, "3e A", SchoolYear.current(clock)));
            Responsibility responsibility = new Responsibility(managed, pupil, clock.instant());
            em.persist(responsibility);
            em.flush();
            responsibilities.add(responsibility.id());
            pupils.add(pupil.id());
        }
        return new Family(managed.id(), responsibilities, pupils);
    }

    public long establishmentId(String uai) {
        return establishments.findByUai(uai).orElseThrow().id();
    }

    public long accountId(String identifier) {
        return accounts.findByIdentifier(identifier).orElseThrow().id();
    }
}
