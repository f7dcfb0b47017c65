package fr.ent.portal.establishment.boundary;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import fr.ent.portal.establishment.control.UaiRule;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.UniqueConstraints;

/** The establishments of the region. */
@Stateless
public class Establishments {

    @PersistenceContext
    EntityManager em;

    /** The establishment with this UAI code (typed in any case), with its services. */
    public Optional<Establishment> findByUai(String uai) {
        return em.createNamedQuery(Establishment.BY_UAI, Establishment.class)
                .setParameter("uai", UaiRule.normalize(uai))
                .getResultStream().findFirst();
    }

    /** All establishments, by name. */
    public List<Establishment> list() {
        return em.createNamedQuery(Establishment.ALL, Establishment.class).getResultList();
    }

    /** Registers a new establishment; a UAI already registered is refused ({@code establishment.uai.taken}). */
    public Establishment create(Establishment establishment) {
        if (em.createNamedQuery(Establishment.COUNT_BY_UAI, Long.class)
                .setParameter("uai", establishment.uai()).getSingleResult() > 0) {
            throw new ConflictException("establishment.uai.taken", establishment.uai());
        }
        try {
            em.persist(establishment);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, "uk_establishment_uai")) {
                throw new ConflictException("establishment.uai.taken", establishment.uai());
            }
            throw e;
        }
        return establishment;
    }
}
