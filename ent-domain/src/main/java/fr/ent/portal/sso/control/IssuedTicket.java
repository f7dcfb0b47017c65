package fr.ent.portal.sso.control;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import fr.ent.portal.platform.cluster.Codec;

/**
 * A ticket a portal session issued, remembered in that session (so, on a cluster, shared like it) for single
 * logout: when the session ends, a ticket not validated yet is voided and the services that validated one receive a
 * logout request naming the ticket ({@code SessionIndex}). Once validated, it is also kept in the cluster's list of
 * {@link OpenedServices}, with when its session signed in, so that ending an account's sessions from any node
 * ("sign out everywhere", a disable, a reset) reaches it.
 */
public record IssuedTicket(String ticketId, String service, long serviceId, long accountId, Instant authenticatedAt)
        implements Serializable {

    /** A list of tickets as text (one per line, fields joined by {@code |}, the service URL in Base64url). */
    public static final Codec<List<IssuedTicket>> LIST_CODEC = new Codec<>() {
        @Override
        public String encode(List<IssuedTicket> tickets) {
            StringBuilder text = new StringBuilder();
            for (IssuedTicket t : tickets) {
                text.append(t.ticketId).append('|').append(Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(t.service.getBytes(StandardCharsets.UTF_8))).append('|')
                        .append(t.serviceId).append('|').append(t.accountId).append('|')
                        .append(t.authenticatedAt.toEpochMilli()).append('\n');
            }
            return text.toString();
        }

        @Override
        public List<IssuedTicket> decode(String text) {
            List<IssuedTicket> tickets = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                tickets.add(new IssuedTicket(f[0], new String(Base64.getUrlDecoder().decode(f[1]),
                        StandardCharsets.UTF_8), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Instant.ofEpochMilli(Long.parseLong(f[4]))));
            }
            return List.copyOf(tickets);
        }
    };

    @Override
    public String toString() {
        return "IssuedTicket[service " + serviceId + "]";
    }
}
