package fr.ent.portal.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import fr.ent.portal.admission.boundary.Admission;
import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.AdmissionRefused;
import fr.ent.portal.admission.control.Priority;

/**
 * The portal's own metrics, in MicroProfile Metrics' application registry (under {@code /metrics}, Prometheus
 * format, {@code mp_scope="application"}):
 * <ul>
 * <li>{@code ent_signin_total{outcome}}: sign-ins by outcome (signed_in, first_connection, code_expired, refused,
 * busy, remembered, remembered_refused);</li>
 * <li>{@code ent_password_hash_seconds}: time of each password hash (timer);</li>
 * <li>{@code ent_admission_queue_length}, {@code ent_admission_queue_limit}, {@code ent_admission_slots},
 * {@code ent_admission_running} (gauges) and {@code ent_admission_queue_wait_seconds{priority}} (timer);
 * {@code ent_admission_refused_total{reason}};</li>
 * <li>{@code ent_waiting_room_waiting} (gauge), {@code ent_waiting_room_tickets_total{kind}} (issued, forged,
 * expired, replayed) and {@code ent_waiting_room_admitted_total};</li>
 * <li>{@code ent_sessions_active} (gauge, from {@link ActiveSessions});</li>
 * <li>{@code ent_request_cpu_seconds{route}}: CPU time of each request on its thread (timer, from {@link RequestCpu}).</li>
 * </ul>
 */
@ApplicationScoped
public class PortalMetrics implements AdmissionGate.Listener {

    /*
     * A timer records nanoseconds. Payara 6.2025.10's Prometheus writer scales a timer's max and mean by the unit in
     * its metadata, and MicroProfile Metrics 5's default unit for a timer is seconds: without the explicit unit below,
     * /metrics showed nanoseconds under a seconds name. Declaring nanoseconds makes the writer divide by 10^9 (the
     * name keeps its _seconds suffix; the sum was always in seconds). Its quantile lines are never scaled, so they are
     * switched off in META-INF/microprofile-config.properties. SurgeIT.timersCarrySeconds reads /metrics and fails on
     * nanoseconds as on a double division (Payara past FISH-13137 divides by itself: then drop the unit).
     */
    static final Metadata PASSWORD_HASH = Metadata.builder().withName("ent_password_hash")
            .withDescription("Time of each password hash").withUnit(MetricUnits.NANOSECONDS).build();

    static final Metadata QUEUE_WAIT = Metadata.builder().withName("ent_admission_queue_wait")
            .withDescription("Time a sign-in waited in the admission queue before its hash")
            .withUnit(MetricUnits.NANOSECONDS).build();

    static final Metadata REQUEST_CPU = Metadata.builder().withName("ent_request_cpu")
            .withDescription("CPU time of a request on its thread, by route (RequestCpu)")
            .withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    MetricRegistry registry;

    private final java.util.concurrent.ConcurrentMap<String, org.eclipse.microprofile.metrics.Timer> requestCpu =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    Admission admission;

    private final AtomicInteger sessions = new AtomicInteger();

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        AdmissionGate gate = admission.gate();
        registry.gauge("ent_admission_queue_length", gate, AdmissionGate::queueLength);
        registry.gauge("ent_admission_queue_limit", gate, AdmissionGate::queueLimit);
        registry.gauge("ent_admission_slots", gate, AdmissionGate::slots);
        registry.gauge("ent_admission_running", gate, AdmissionGate::running);
        registry.gauge("ent_waiting_room_waiting", admission, a -> a.line().waiting());
        registry.gauge("ent_sessions_active", sessions, AtomicInteger::get);
        gate.listen(this);
    }

    /** A sign-in ended with this outcome (an enum constant's name or a word). */
    public void signIn(String outcome) {
        registry.counter("ent_signin", new Tag("outcome", outcome.toLowerCase(Locale.ROOT))).inc();
    }

    /** A request's CPU time on its thread; the route is one of {@link RequestCpu}'s fixed names. */
    void requestCpu(String route, Duration cpu) {
        requestCpu.computeIfAbsent(route, r -> registry.timer(REQUEST_CPU, new Tag("route", r))).update(cpu);
    }

    /** The waiting room issued or refused a ticket: issued, forged, expired, replayed. */
    public void ticket(String kind) {
        registry.counter("ent_waiting_room_tickets", new Tag("kind", kind)).inc();
    }

    public void admittedFromWaitingRoom() {
        registry.counter("ent_waiting_room_admitted").inc();
    }

    void sessionCreated() {
        sessions.incrementAndGet();
    }

    void sessionDestroyed() {
        sessions.updateAndGet(n -> Math.max(0, n - 1));
    }

    @Override
    public void waited(Duration wait, Priority priority) {
        registry.timer(QUEUE_WAIT, new Tag("priority", priority.name().toLowerCase(Locale.ROOT))).update(wait);
    }

    @Override
    public void hashed(Duration hashTime) {
        registry.timer(PASSWORD_HASH).update(hashTime);
    }

    @Override
    public void refused(AdmissionRefused.Reason reason) {
        registry.counter("ent_admission_refused", new Tag("reason", reason.name().toLowerCase(Locale.ROOT))).inc();
    }
}
