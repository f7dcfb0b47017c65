package fr.ent.portal.families.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.families.control.ServiceTiles;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The establishments a person works in this school year (own enrollment or assignment, enrollments of attached
 * children), the one they chose, and its service tiles. Enrollments of past school years never count. "Today" comes
 * from the injected clock; the methods taking a day let tests move it.
 */
@Stateless
public class EstablishmentChoice {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ServiceTiles serviceTiles;

    public List<LinkedEstablishment> linked(long accountId) {
        return linked(accountId, LocalDate.now(clock));
    }

    /** The establishments linked to the account on {@code day}, by name, with the children who link them. */
    public List<LinkedEstablishment> linked(long accountId, LocalDate day) {
        Account account = account(accountId);
        Map<Establishment, List<String>> links = new LinkedHashMap<>();
        for (Enrollment enrollment : enrollmentsOf(account)) {
            if (enrollment.isActiveOn(day)) {
                links.computeIfAbsent(enrollment.establishment(), e -> new ArrayList<>());
            }
        }
        em.createNamedQuery(Assignment.OF_STAFF, Assignment.class)
                .setParameter("staff", account).setParameter("schoolYear", SchoolYear.containing(day))
                .getResultList()
                .forEach(a -> links.computeIfAbsent(a.establishment(), e -> new ArrayList<>()));
        for (Responsibility responsibility : responsibilitiesOf(account)) {
            if (!responsibility.isAttached()) {
                continue;
            }
            for (Enrollment enrollment : enrollmentsOf(responsibility.pupil())) {
                if (enrollment.isActiveOn(day)) {
                    links.computeIfAbsent(enrollment.establishment(), e -> new ArrayList<>())
                            .add(responsibility.pupil().firstName());
                }
            }
        }
        return links.entrySet().stream()
                .map(e -> new LinkedEstablishment(e.getKey().id(), e.getKey().name(), e.getKey().city(), e.getValue()))
                .sorted(Comparator.comparing(LinkedEstablishment::getName))
                .toList();
    }

    public EstablishmentLanding landing(long accountId) {
        return landing(accountId, LocalDate.now(clock));
    }

    /** Where the person lands after signing in on {@code day}: the remembered choice when still valid. */
    public EstablishmentLanding landing(long accountId, LocalDate day) {
        Account account = account(accountId);
        return EstablishmentLanding.resolve(linked(accountId, day).stream().map(LinkedEstablishment::getId).toList(),
                account.chosenEstablishmentId());
    }

    /** Chooses (and remembers) an establishment the person is linked to today; any other is refused and audited. */
    public LinkedEstablishment choose(long accountId, long establishmentId, Client client) {
        Account account = account(accountId);
        Optional<LinkedEstablishment> chosen = linked(accountId).stream()
                .filter(e -> e.getId() == establishmentId).findFirst();
        if (chosen.isEmpty()) {
            audit.record(AuditEventType.ESTABLISHMENT_CHOICE_REFUSED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "not_linked", establishmentId);
            throw new BusinessException("establishments.error.not_linked");
        }
        account.chooseEstablishment(establishmentId);
        audit.record(AuditEventType.ESTABLISHMENT_CHOSEN, account.id(), account.identifier(), client.ip(),
                client.userAgent(), null, establishmentId);
        return chosen.get();
    }

    public List<Tile> tiles(long accountId, long establishmentId) {
        return tiles(accountId, establishmentId, LocalDate.now(clock));
    }

    /** The services of an establishment the person is linked to on {@code day}; none for any other establishment. */
    public List<Tile> tiles(long accountId, long establishmentId, LocalDate day) {
        Optional<LinkedEstablishment> linked = linked(accountId, day).stream()
                .filter(e -> e.getId() == establishmentId).findFirst();
        if (linked.isEmpty()) {
            return List.of();
        }
        return tilesOf(linked.get());
    }

    /** The tiles of an establishment the person is linked to (as {@link #linked} gave it): its cached services. */
    private List<Tile> tilesOf(LinkedEstablishment linked) {
        return Tile.of(serviceTiles.of(linked.getId(), () -> ServiceTiles.enabled(em.find(Establishment.class, linked.getId()))),
                linked.getChildrenText());
    }

    private List<Enrollment> enrollmentsOf(Account pupil) {
        return em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class).setParameter("pupil", pupil).getResultList();
    }

    private List<Responsibility> responsibilitiesOf(Account representative) {
        return em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                .setParameter("representative", representative).getResultList();
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new BusinessException("account.notFound");
        }
        return account;
    }
}
