package fr.ent.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Remembered-device sign-in: each virtual user is a new browser whose jar holds only an {@code ent_remember} cookie
 * (from {@code bench.remember.in}, one per line, used in turn); it GETs {@code bench.remember.path} (default /home)
 * and must land on /home without a password. Open model at {@code bench.rate}/s. Timed as step {@code remembered}.
 */
public class RememberedDeviceSimulation extends Simulation {

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
        AtomicLong next = new AtomicLong();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("remember", cookies.get((int) (next.getAndIncrement() % cookies.size())));
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
                .exec(Recorder.stop("remembered"));
        setUp(scenario.injectOpen(Sims.openRate()))
                .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
    }

    @Override
    public void after() {
        Recorder.write();
    }
}
