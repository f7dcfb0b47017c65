package fr.ent.portal.activation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.activation.control.ActivationCounts;
import fr.ent.portal.activation.control.ClassFigures;
import fr.ent.portal.activation.control.EstablishmentRef;
import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.letters.boundary.LetterSubject;
import fr.ent.portal.platform.Client;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The activation dashboard: per class of the staff member's scope, how many accounts are activated, pending, with an
 * expired code or without code, and who still has to activate. Counts are aggregated by the database
 * ({@link ActivationCounts}); every call checks the scope (outside it: 404, audited).
 */
@Stateless
public class ActivationFigures {

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @Inject
    Clock clock;

    /** The establishments the scope sees something of (all of them for the region), by name. */
    public List<EstablishmentRef> establishments(AdminScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = scope.region() ? null : touched(scope);
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        jakarta.persistence.TypedQuery<EstablishmentRef> query = em.createQuery(
                "select new fr.ent.portal.activation.control.EstablishmentRef(s.id, s.name, s.uai) from Establishment s"
                        + (ids == null ? "" : " where s.id in :ids") + " order by s.name, s.uai", EstablishmentRef.class);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        return query.getResultList();
    }

    /** The figures of each class of the establishment the scope covers (a principal teacher: their classes only). */
    public List<ClassFigures> figures(AdminScope scope, long establishmentId, Client client) {
        if (em.find(Establishment.class, establishmentId) == null || !scope.touchesEstablishment(establishmentId)) {
            throw scopes.denied(scope, client, "activation:" + establishmentId, establishmentId);
        }
        Set<String> divisions = scope.coversEstablishment(establishmentId) ? null : scope.divisions().stream()
                .filter(d -> d.establishmentId() == establishmentId).map(AdminScope.Division::name)
                .collect(Collectors.toSet());
        return ActivationCounts.perDivision(em, establishmentId, divisions, SchoolYear.current(clock),
                LocalDate.now(clock), clock.instant());
    }

    /** The pupils of a class who still have to activate, if the scope covers the class. */
    public List<LetterSubject> toActivate(AdminScope scope, long establishmentId, String division, Client client) {
        scopes.requireDivision(scope, establishmentId, division, client);
        return ActivationCounts.toActivate(em, establishmentId, division, SchoolYear.current(clock), LocalDate.now(clock))
                .stream().map(a -> new LetterSubject(a.id(), a.identifier(), a.firstName(), a.lastName(), a.profile(),
                        a.status(), a.provisionalCodeHash() == null ? null : a.provisionalCodeExpiresAt()))
                .toList();
    }

    private static Set<Long> touched(AdminScope scope) {
        Set<Long> ids = new java.util.HashSet<>(scope.establishments());
        scope.divisions().forEach(d -> ids.add(d.establishmentId()));
        return ids;
    }
}
