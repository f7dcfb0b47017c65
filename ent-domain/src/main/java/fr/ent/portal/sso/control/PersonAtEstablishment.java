package fr.ent.portal.sso.control;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;

/**
 * The one rule for the person a service sees (CAS attributes, OpenID Connect claims): as the chosen establishment
 * sees them on that day: its UAI, their class there, their attached children enrolled there.
 */
public final class PersonAtEstablishment {

    private PersonAtEstablishment() {
    }

    public static SsoAttributes.Person of(EntityManager em, Account account, Long establishmentId, LocalDate day) {
        Establishment establishment = establishmentId == null ? null : em.find(Establishment.class, establishmentId);
        String division = establishmentId == null ? null : em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                .setParameter("pupil", account).getResultStream()
                .filter(e -> e.isActiveOn(day) && e.establishment().id() == establishmentId)
                .map(Enrollment::division).findFirst().orElse(null);
        List<String> children = establishmentId == null ? List.of()
                : em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                .setParameter("representative", account).getResultStream()
                .filter(Responsibility::isAttached)
                .map(Responsibility::pupil)
                .filter(pupil -> em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                        .setParameter("pupil", pupil).getResultStream()
                        .anyMatch(e -> e.isActiveOn(day) && e.establishment().id() == establishmentId))
                .map(Account::identifier).sorted().toList();
        return new SsoAttributes.Person(account.identifier(), account.firstName(), account.lastName(),
                account.profile().name(), establishment == null ? null : establishment.uai(), division, children);
    }
}
