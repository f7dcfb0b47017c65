package fr.ent.portal.sso.boundary;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.sso.control.CasXml;
import fr.ent.portal.sso.control.IssuedTicket;

/**
 * Back-channel single logout: a form POST of the SAML {@code logoutRequest} to each service URL a ticket was issued
 * for, in the background, no redirect followed, each answer (or failure) audited. The ticket named is already spent.
 */
@Stateless
public class SingleLogout {

    private static final Logger LOG = Logger.getLogger(SingleLogout.class.getName());

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Asynchronous
    public void notifyServices(List<IssuedTicket> tickets) {
        Duration timeout = settings.getDuration(Setting.CAS_LOGOUT_TIMEOUT);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
        for (IssuedTicket ticket : tickets) {
            String outcome;
            try {
                String body = "logoutRequest=" + URLEncoder.encode(CasXml.logoutRequest("LR-" + UUID.randomUUID(),
                        clock.instant(), ticket.ticketId()), StandardCharsets.UTF_8);
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(ticket.service()))
                        .timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                outcome = String.valueOf(answer.statusCode());
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.FINE, "Single logout request not delivered to service " + ticket.serviceId(), e);
                outcome = "unreachable";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "interrupted";
            }
            audit.record(AuditEventType.CAS_SINGLE_LOGOUT_SENT, ticket.accountId(), null, null, null,
                    "service:" + ticket.serviceId() + ":" + outcome);
        }
    }
}
