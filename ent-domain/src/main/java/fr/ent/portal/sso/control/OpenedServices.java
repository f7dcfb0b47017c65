package fr.ent.portal.sso.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.platform.cluster.SharedState;

/**
 * The services a person opened: the tickets a service validated, per account, in the cluster's shared map
 * {@code ent-cas-opened} (this node's memory on one node). Single logout is sent only for these (a ticket never
 * validated opened nothing), and from any node: the node where a session ends, or the node where "sign out
 * everywhere", a disable or a reset ends every session of the account up to an instant. Taking tickets out is atomic
 * (a compare-and-set loop of the map): each is told to its service at most once.
 */
@ApplicationScoped
public class OpenedServices {

    /** Most opened services kept per account (the oldest go first). */
    static final int MAX_PER_ACCOUNT = 200;
    /** How long the grid keeps an account's list after its last change (longer than any portal session). */
    static final Duration KEEP = Duration.ofHours(24);

    @Inject
    SharedState shared;

    private ConcurrentMap<String, List<IssuedTicket>> opened = new ConcurrentHashMap<>();

    public OpenedServices() {
    }

    /** On the given map (tests). */
    public OpenedServices(ConcurrentMap<String, List<IssuedTicket>> opened) {
        this.opened = opened;
    }

    @PostConstruct
    void connect() {
        if (shared != null && shared.clustered()) {
            opened = shared.map("cas-opened", IssuedTicket.LIST_CODEC, KEEP);
        }
    }

    /** A service validated this ticket: it opened a session there. */
    public void validated(IssuedTicket ticket) {
        opened.compute(Long.toString(ticket.accountId()), (key, list) -> {
            List<IssuedTicket> next = new ArrayList<>(list == null ? List.of() : list);
            next.add(ticket);
            while (next.size() > MAX_PER_ACCOUNT) {
                next.remove(0);
            }
            return List.copyOf(next);
        });
    }

    /** Takes out, among these tickets of a session that ended, those a service validated. */
    public List<IssuedTicket> close(long accountId, Collection<String> ticketIds) {
        Set<String> ids = Set.copyOf(ticketIds);
        return take(accountId, t -> ids.contains(t.ticketId()));
    }

    /** Takes out the validated tickets of every session of the account signed in at or before {@code upTo}. */
    public List<IssuedTicket> closeUpTo(long accountId, Instant upTo) {
        return take(accountId, t -> !t.authenticatedAt().isAfter(upTo));
    }

    private List<IssuedTicket> take(long accountId, Predicate<IssuedTicket> which) {
        List<IssuedTicket> taken = new ArrayList<>();
        opened.computeIfPresent(Long.toString(accountId), (key, list) -> {
            taken.clear(); // the map may run this again when another node changed the list meanwhile
            List<IssuedTicket> kept = new ArrayList<>();
            for (IssuedTicket t : list) {
                (which.test(t) ? taken : kept).add(t);
            }
            return kept.isEmpty() ? null : List.copyOf(kept);
        });
        return List.copyOf(taken);
    }
}
