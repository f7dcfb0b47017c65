package fr.ent.portal.families.boundary;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.families.control.ServiceTiles;

/**
 * Everything /home shows, in one call and one read-only transaction: the establishments the person is linked to
 * today (the header's switcher), the one to show (the session's while still linked, else where the person lands),
 * whether a choice is needed first, its tiles (from {@link ServiceTiles}, the cache per establishment) and whether
 * children wait for confirmation.
 */
@Stateless
public class HomePage {

    /**
     * What /home shows.
     *
     * @param current      the establishment shown; null when none is linked or a choice is needed
     * @param choiceNeeded several establishments and no valid choice: /establishments first
     */
    public record View(List<LinkedEstablishment> linked, LinkedEstablishment current, boolean choiceNeeded,
                       List<Tile> tiles, boolean childrenToConfirm) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    EstablishmentChoice choice;

    @EJB
    Children children;

    @Inject
    ServiceTiles serviceTiles;

    @Inject
    Clock clock;

    /** The home page of {@code accountId}, whose session works in {@code sessionEstablishmentId} (null: none yet). */
    public View of(long accountId, Long sessionEstablishmentId) {
        List<LinkedEstablishment> linked = choice.linked(accountId, LocalDate.now(clock));
        LinkedEstablishment current = find(linked, sessionEstablishmentId);
        boolean choiceNeeded = false;
        if (current == null) {
            Account account = em.find(Account.class, accountId); // already read by linked(), in this transaction
            EstablishmentLanding landing = EstablishmentLanding.resolve(
                    linked.stream().map(LinkedEstablishment::getId).toList(), account.chosenEstablishmentId());
            choiceNeeded = landing.choiceNeeded();
            current = find(linked, landing.establishmentId());
        }
        List<Tile> tiles = current == null ? List.of() : tilesOf(current);
        return new View(linked, current, choiceNeeded, tiles, children.hasChildrenToConfirm(accountId));
    }

    private List<Tile> tilesOf(LinkedEstablishment linked) {
        return Tile.of(serviceTiles.of(linked.getId(), () -> ServiceTiles.enabled(em.find(Establishment.class, linked.getId()))),
                linked.getChildrenText());
    }

    private static LinkedEstablishment find(List<LinkedEstablishment> linked, Long id) {
        return id == null ? null : linked.stream().filter(e -> e.getId() == id).findFirst().orElse(null);
    }
}
