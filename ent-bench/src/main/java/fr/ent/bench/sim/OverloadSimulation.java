package fr.ent.bench.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Overload with the portal's waiting room (contract of issue 7): browsers arrive at {@code bench.rate}/s for
 * {@code bench.duration} s. A newcomer's GET /login or a sign-in POST may be answered 303 to /waiting-room (cookie
 * {@code ent_wait}); the waiting room (200, meta refresh) is polled at its refresh interval until it sends the
 * visitor to /login, who then posts the form normally. Nothing here fails a user on a planned answer; the steps:
 * <ul>
 * <li>{@code admitted}: a sign-in POST that lands on /home (its response time);</li>
 * <li>{@code waiting}: each answer that is (or redirects to) the waiting room, and each poll of it;</li>
 * <li>{@code signin}: whole journeys that ended on /home (count = successful sign-ins);</li>
 * <li>{@code error.*}: anything else; {@code error.planned_503} counts 503 answers (planned for non-browsers).</li>
 * </ul>
 */
public class OverloadSimulation extends Simulation {

    private static final Pattern REFRESH = Pattern.compile("http-equiv=\"refresh\"[^>]*content=\"(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    /** The public forms' anti-forgery token (issue 21: a hidden field bound to the ent_form cookie, which the jar keeps). */
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"ent_form_token\" value=\"([^\"]*)\"");

    {
        int maxRounds = Integer.getInteger("bench.overload.max-rounds", 600);
        long maxRefresh = Long.getLong("bench.overload.max-refresh", 60);

        ChainBuilder getLogin = exec(session -> session.set("t", System.nanoTime()))
                .exec(http("GET /login").get("/login")
                        .check(status().saveAs("lastStatus"), currentLocation().saveAs("loc"), bodyString().saveAs("body")))
                .exec(session -> classify(session, false));

        ChainBuilder poll = exec(session -> session.set("t", System.nanoTime()))
                .pause(session -> Duration.ofSeconds(Math.min(maxRefresh, session.getLong("refresh"))))
                .exec(session -> session.set("t", System.nanoTime()))
                .exec(http("GET waiting room").get("#{loc}")
                        .check(status().saveAs("lastStatus"), currentLocation().saveAs("loc"), bodyString().saveAs("body")))
                .exec(session -> classify(session, true));

        ChainBuilder post = exec(session -> session.set("t", System.nanoTime()))
                .exec(http("POST /login").post("/login")
                        .formParam("login", "login")
                        .formParam("identifier", "#{identifier}")
                        .formParam("password", "#{password}")
                        .formParam("submit", "")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .formParam("ent_form_token", "#{formToken}")
                        .check(status().saveAs("lastStatus"), currentLocation().saveAs("loc"), bodyString().saveAs("body")))
                .exec(session -> classify(session, false));

        ScenarioBuilder scenario = scenario("overload").feed(Sims.accounts())
                .exec(flushCookieJar())
                .exec(session -> session.set("t0", System.nanoTime()).set("state", "start").set("rounds", 0))
                .exec(getLogin)
                .asLongAs(session -> !"done".equals(session.getString("state")) && !"error".equals(session.getString("state"))
                        && session.getInt("rounds") < maxRounds).on(
                        exec(session -> session.set("rounds", session.getInt("rounds") + 1).markAsSucceeded())
                                .doIf(session -> "waiting".equals(session.getString("state"))).then(poll)
                                .doIf(session -> "form".equals(session.getString("state"))).then(post))
                .exec(session -> {
                    if ("done".equals(session.getString("state"))) {
                        Recorder.ok("signin", System.nanoTime() - session.getLong("t0"));
                    } else if (!"error".equals(session.getString("state"))) {
                        Recorder.ko("signin", "gave up after " + maxRounds + " rounds");
                    }
                    return session.markAsSucceeded();
                });
        setUp(scenario.injectOpen(Sims.openRate()))
                .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
    }

    /** Where the last answer left the visitor: on the form, in the waiting room, at home, or in error. */
    private static Session classify(Session session, boolean fromWaitingRoom) {
        long elapsed = System.nanoTime() - session.getLong("t");
        boolean wasPost = session.contains("viewState") && "form".equals(session.getString("state"));
        String status = session.contains("lastStatus") ? String.valueOf(session.getInt("lastStatus")) : "none";
        String loc = session.contains("loc") ? session.getString("loc") : "";
        String body = session.contains("body") ? session.getString("body") : "";
        Session next = session.remove("body");
        if ("503".equals(status)) {
            Recorder.count("planned_503");
            return next.set("state", "error");
        }
        if (!"200".equals(status)) {
            Recorder.ko(wasPost ? "admitted" : "page", "status " + status);
            return next.set("state", "error");
        }
        if (loc.contains("/waiting-room")) {
            Recorder.ok("waiting", elapsed);
            Matcher refresh = REFRESH.matcher(body);
            return next.set("state", "waiting").set("refresh", refresh.find() ? Long.parseLong(refresh.group(1)) : 1L);
        }
        if (fromWaitingRoom) {
            Recorder.ok("waiting", elapsed);
        }
        if (loc.matches(".*/home(\\?.*)?$") && body.contains(Sims.HOME_MARKER)) {
            if (wasPost) {
                Recorder.ok("admitted", elapsed);
            }
            return next.set("state", "done");
        }
        Matcher viewState = VIEW_STATE.matcher(body);
        Matcher nonce = NONCE.matcher(body);
        Matcher token = FORM_TOKEN.matcher(body);
        if (loc.contains("/login") && viewState.find() && nonce.find() && token.find()) {
            if (wasPost) {
                Recorder.ko("admitted", "back on the form");
                return next.set("state", "error");
            }
            return next.set("state", "form").set("viewState", viewState.group(1)).set("nonce", nonce.group(1))
                    .set("formToken", token.group(1));
        }
        Recorder.ko(wasPost ? "admitted" : "page", "unexpected page " + loc.replaceAll("^https?://[^/]+", ""));
        return next.set("state", "error");
    }

    private final long cpuAtStart = generatorCpuMillis();

    static long generatorCpuMillis() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    @Override
    public void after() {
        Recorder.extra("generator.cpu.ms", String.valueOf(generatorCpuMillis() - cpuAtStart));
        Recorder.write();
    }
}
