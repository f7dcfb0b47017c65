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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.sso.control.CasXml;
import fr.ent.portal.sso.control.IssuedTicket;

/**
 * Back-channel single logout: a form POST of the SAML {@code logoutRequest} to each service URL a validated ticket
 * was issued for, no redirect followed, each answer (or failure) audited. The requests go on an executor of their own
 * ({@value #THREADS} threads from the container's managed thread factory, at most {@value #QUEUE} requests waiting):
 * slow or dead services never hold a request thread nor the container's shared asynchronous pool, and a flood of
 * logouts is bounded (beyond the queue, a request is dropped and audited {@code service:ID:dropped}).
 */
@ApplicationScoped
public class SingleLogout {

    static final int THREADS = 2;
    static final int QUEUE = 2_000;

    private static final Logger LOG = Logger.getLogger(SingleLogout.class.getName());

    @Inject
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ThreadPoolExecutor executor;
    private HttpClient client;
    private Duration timeout;

    @PostConstruct
    void start() {
        timeout = settings.getDuration(Setting.CAS_LOGOUT_TIMEOUT);
        ThreadFactory factory = threads != null ? threads : Thread::new;
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                factory, new ThreadPoolExecutor.AbortPolicy());
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Queues one logout request per ticket; returns at once. */
    public void notifyServices(List<IssuedTicket> tickets) {
        for (IssuedTicket ticket : tickets) {
            try {
                executor.execute(() -> send(ticket));
            } catch (RejectedExecutionException full) {
                audit.record(AuditEventType.CAS_SINGLE_LOGOUT_SENT, ticket.accountId(), null, null, null,
                        "service:" + ticket.serviceId() + ":dropped");
            }
        }
    }

    private void send(IssuedTicket ticket) {
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
        try {
            audit.record(AuditEventType.CAS_SINGLE_LOGOUT_SENT, ticket.accountId(), null, null, null,
                    "service:" + ticket.serviceId() + ":" + outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Single logout sent, its audit event failed", e);
        }
    }
}
