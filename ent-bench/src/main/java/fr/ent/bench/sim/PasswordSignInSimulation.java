package fr.ent.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Password sign-in on the portal, each virtual user a new browser session: GET /login, POST the form, redirects
 * followed to /home (200 and the home marker). Timed as step {@code signin}.
 * <ul>
 * <li>{@code bench.model=open} (default): {@code bench.rate} new users per second for {@code bench.duration} s.</li>
 * <li>{@code bench.model=closed}: {@code bench.users} users at once, each signing in {@code bench.iterations} times
 * with a fresh cookie jar (the sessions stay open on the server: the heap-per-session measure).</li>
 * <li>{@code bench.remember=true}: ticks "remember this device" and writes the {@code ent_remember} cookies received
 * to {@code bench.remember.out}, one per line.</li>
 * </ul>
 */
public class PasswordSignInSimulation extends Simulation {

    private static final ConcurrentLinkedQueue<String> REMEMBERED = new ConcurrentLinkedQueue<>();

    {
        boolean remember = Boolean.getBoolean("bench.remember");
        ChainBuilder signIn = Sims.passwordSignIn(remember);
        if (remember) {
            signIn = signIn.exec(getCookieValue(CookieKey("ent_remember").saveAs("entRemember")))
                    .exec(session -> {
                        if (!session.isFailed() && session.contains("entRemember")) {
                            REMEMBERED.add(session.getString("entRemember"));
                        }
                        return session.markAsSucceeded();
                    });
        }
        ScenarioBuilder scenario;
        if ("closed".equals(System.getProperty("bench.model"))) {
            scenario = scenario("password sign-in (closed)")
                    .repeat(Integer.getInteger("bench.iterations", 100)).on(feed(Sims.accounts()).exec(signIn));
            setUp(scenario.injectOpen(atOnceUsers(Sims.users())))
                    .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
        } else {
            scenario = scenario("password sign-in").feed(Sims.accounts()).exec(signIn);
            setUp(scenario.injectOpen(Sims.openRate()))
                    .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
        }
    }

    @Override
    public void after() {
        Recorder.write();
        String out = System.getProperty("bench.remember.out");
        if (out != null && !out.isBlank()) {
            try {
                Files.write(Path.of(out), List.copyOf(REMEMBERED));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
