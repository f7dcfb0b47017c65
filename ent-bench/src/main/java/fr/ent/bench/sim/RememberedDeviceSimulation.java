package fr.ent.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Remembered-device sign-in: each virtual user is a new browser whose jar holds only an {@code ent_remember} cookie
 * (from {@code bench.remember.in}, one per line; a pool, each cookie put back after use, rotated or not); it GETs {@code bench.remember.path} (default /home)
 * and must land on /home without a password. Open model at {@code bench.rate}/s. Timed as step {@code remembered}.
 */
public class RememberedDeviceSimulation extends Simulation {

    /** The devices' current cookies, written back to {@code bench.remember.in} at the end (see {@link #after()}). */
    private ConcurrentLinkedQueue<String> devices;

    {
        List<String> cookies;
        try {
            cookies = Files.readAllLines(Path.of(System.getProperty("bench.remember.in")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("No ent_remember cookie to replay");
        }
        // A pool of devices: each virtual user takes one, and puts back the cookie its jar holds after the request
        // (the same value, or a new one if the portal rotates it on use), so that a rotated cookie is never replayed.
        ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>(cookies);
        devices = pool;
        AtomicLong next = new AtomicLong();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                String cookie = pool.poll();
                if (cookie == null) { // more browsers at once than devices: reuse one (counted)
                    Recorder.count("device_pool_empty");
                    cookie = cookies.get((int) (next.getAndIncrement() % cookies.size()));
                }
                return Map.of("remember", cookie);
            }
        };
        String path = System.getProperty("bench.remember.path", "/home");
        ScenarioBuilder scenario = scenario("remembered device").feed(feeder)
                .exec(flushCookieJar())
                .exec(addCookie(Cookie("ent_remember", "#{remember}").withPath("/")))
                .exec(Recorder.start("remembered"))
                .exitBlockOnFail().on(exec(http("GET " + path).get(path)
                        .check(status().saveAs("lastStatus"), status().is(200),
                                currentLocationRegex(".*/home(\\?.*)?$"), substring(Sims.HOME_MARKER))))
                .exec(Recorder.stop("remembered"))
                .exec(getCookieValue(CookieKey("ent_remember").saveAs("rememberAfter")))
                .exec(session -> {
                    pool.offer(session.contains("rememberAfter") ? session.getString("rememberAfter")
                            : session.getString("remember"));
                    return session.markAsSucceeded();
                });
        setUp(scenario.injectOpen(Sims.openRate()))
                .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
    }

    /**
     * The portal rotates a device's cookie at each use (issue 20) and treats a used one as stolen: the next run (the
     * next step) starts from the cookies as they are now, not from the file the setup wrote.
     */
    @Override
    public void after() {
        Recorder.write();
        if (devices != null && !devices.isEmpty()) {
            try {
                Files.write(Path.of(System.getProperty("bench.remember.in")), List.copyOf(devices));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
