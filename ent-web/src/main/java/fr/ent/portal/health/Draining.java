package fr.ent.portal.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Rolling restarts without cutting anyone off: with {@code ent.shutdown.drain} above zero, the first SIGTERM (what
 * {@code docker stop}, systemd and Kubernetes send) turns this readiness check DOWN, so that the load balancer stops
 * sending new requests here, and the node keeps serving for the drain time before it stops as usual (a second SIGTERM
 * stops it at once). Sessions live on in the data grid's other members.
 * <p>
 * The handler replaces the JVM's own for TERM through {@code sun.misc.Signal} (module {@code jdk.unsupported}),
 * reached by reflection; where that is not possible the log says so and SIGTERM stops the node at once, as before.
 */
@Readiness
@ApplicationScoped
public class Draining implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Draining.class.getName());

    @Inject
    Settings settings;

    private volatile boolean draining;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("shutdown").status(!draining)
                .withData("state", draining ? "draining before stop" : "serving").build();
    }

    public boolean draining() {
        return draining;
    }

    /** Turns readiness DOWN (the signal handler; also usable by tests). */
    public void startDraining() {
        draining = true;
    }

    void installAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        Duration drain = settings.getDuration(Setting.SHUTDOWN_DRAIN);
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object term = signalType.getConstructor(String.class).newInstance("TERM");
            Object[] previous = new Object[1];
            InvocationHandler onTerm = (proxy, method, args) -> {
                if ("handle".equals(method.getName())) {
                    onSigterm(drain, () -> stop(handlerType, previous[0], args[0]));
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "ent-drain-handler";
                };
            };
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, onTerm);
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            previous[0] = handle.invoke(null, term, handler);
            LOG.info("On SIGTERM this node turns readiness DOWN and keeps serving " + drain + " before it stops ("
                    + Setting.SHUTDOWN_DRAIN.key() + ").");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Cannot take over SIGTERM: " + Setting.SHUTDOWN_DRAIN.key() + " is ignored and SIGTERM"
                    + " stops this node at once (" + e + ")");
        }
    }

    private void onSigterm(Duration drain, Runnable stop) {
        if (draining) {
            LOG.warning("Second SIGTERM while draining: stopping now.");
            stop.run();
            return;
        }
        startDraining();
        LOG.warning("SIGTERM: readiness DOWN, this node keeps serving for " + drain + " while the load balancer moves"
                + " new requests to other nodes, then stops.");
        Thread waiter = new Thread(() -> {
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.warning("Drain time over: stopping.");
            stop.run();
        }, "ent-drain");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** The JVM's own TERM handler (it runs the shutdown hooks: Payara stops cleanly), else exit 143 as it would. */
    private static void stop(Class<?> handlerType, Object previous, Object signal) {
        try {
            if (previous != null && handlerType.isInstance(previous)) {
                handlerType.getMethod("handle", signal.getClass()).invoke(previous, signal);
                return;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Previous TERM handler failed", e);
        }
        System.exit(143);
    }
}
