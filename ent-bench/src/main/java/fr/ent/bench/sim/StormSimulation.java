package fr.ent.bench.sim;

import java.lang.management.ManagementFactory;
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
 * The 8 a.m. storm by clients that are not browsers (issue 21): they ask for {@code *}{@code /*}, not HTML, so a full
 * hash queue answers them 503 with {@code Retry-After}, never the waiting room. {@code bench.storm.kind}:
 * <ul>
 * <li>{@code impatient}: after a 503, the same request again at once;</li>
 * <li>{@code polite}: after a 503, the same request after {@code Retry-After} seconds (at most
 * {@code bench.storm.max-retry-after}).</li>
 * </ul>
 * Each arrival: GET /login, POST the form, retried as its kind does until it lands on /home; bounded by
 * {@code bench.storm.max-rounds} requests and by the simulation's end (its duration plus {@code bench.grace}). Steps:
 * {@code admitted} (the POST that landed on /home), {@code signin} (whole journeys that ended on /home, from the first
 * request), {@code error.refused_503} (each 503 met: the refusals), {@code error.*} (anything else). The generator's own
 * CPU time goes to {@code generator.cpu.ms}.
 */
public class StormSimulation extends Simulation {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    /** The public forms' anti-forgery token (issue 21: a hidden field bound to the ent_form cookie, which the jar keeps). */
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"ent_form_token\" value=\"([^\"]*)\"");

    private final long cpuAtStart = cpuMillis();

    {
        String kind = System.getProperty("bench.storm.kind", "impatient");
        boolean polite = "polite".equals(kind);
        int maxRounds = Integer.getInteger("bench.storm.max-rounds", polite ? 200 : 5000);
        long maxRetryAfter = Long.getLong("bench.storm.max-retry-after", 60);
        long endsAt = System.currentTimeMillis() + Sims.maxDuration().toMillis();

        ChainBuilder getLogin = exec(session -> session.set("t", System.nanoTime()))
                .exec(http("GET /login").get("/login")
                        .check(status().saveAs("lastStatus"), currentLocation().saveAs("loc"), bodyString().saveAs("body"),
                                header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> classify(session, false));

        ChainBuilder post = exec(session -> session.set("t", System.nanoTime()))
                .exec(http("POST /login").post("/login")
                        .formParam("login", "login")
                        .formParam("identifier", "#{identifier}")
                        .formParam("password", "#{password}")
                        .formParam("submit", "")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .formParam("ent_form_token", "#{formToken}")
                        .check(status().saveAs("lastStatus"), currentLocation().saveAs("loc"), bodyString().saveAs("body"),
                                header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> classify(session, true));

        // a polite client waits as told before the same request; an impatient one sends it again at once
        ChainBuilder backOff = doIf(session -> polite && session.getBoolean("refused")).then(
                pause(session -> Duration.ofSeconds(Math.max(1, Math.min(maxRetryAfter, session.getLong("wait"))))));

        ScenarioBuilder scenario = scenario("storm-" + kind).feed(Sims.accounts())
                .exec(flushCookieJar())
                .exec(session -> session.set("t0", System.nanoTime()).set("state", "start").set("rounds", 0)
                        .set("refused", false).set("wait", 0L))
                .asLongAs(session -> !"done".equals(session.getString("state")) && !"error".equals(session.getString("state"))
                        && session.getInt("rounds") < maxRounds && System.currentTimeMillis() < endsAt).on(
                        exec(session -> session.set("rounds", session.getInt("rounds") + 1).markAsSucceeded())
                                .exec(backOff)
                                .doIfOrElse(session -> "form".equals(session.getString("state"))).then(post).orElse(getLogin))
                .exec(session -> {
                    if ("done".equals(session.getString("state"))) {
                        Recorder.ok("signin", System.nanoTime() - session.getLong("t0"));
                    } else if (!"error".equals(session.getString("state"))) {
                        Recorder.ko("signin", session.getInt("rounds") >= maxRounds ? "gave up (request bound)"
                                : "gave up (the run ended)");
                    }
                    return session.markAsSucceeded();
                });
        setUp(scenario.injectOpen(Sims.openRate()))
                .protocols(Sims.protocol(Sims.base()).acceptHeader("*/*")).maxDuration(Sims.maxDuration());
    }

    /** Where the last answer left the client: refused (503, the same step again), on the form, at home, or in error. */
    private static Session classify(Session session, boolean wasPost) {
        long elapsed = System.nanoTime() - session.getLong("t");
        String status = session.contains("lastStatus") ? String.valueOf(session.getInt("lastStatus")) : "none";
        String loc = session.contains("loc") ? session.getString("loc") : "";
        String body = session.contains("body") ? session.getString("body") : "";
        Session next = session.remove("body").set("refused", false);
        if ("503".equals(status)) {
            Recorder.count("refused_503");
            long wait = 1;
            if (session.contains("retryAfter")) {
                try {
                    wait = Long.parseLong(session.getString("retryAfter").trim());
                } catch (NumberFormatException notSeconds) {
                    wait = 1;
                }
            }
            // the state stays: a refused POST is posted again, a refused GET fetched again
            return next.set("refused", true).set("wait", wait).remove("retryAfter");
        }
        if (!"200".equals(status)) {
            Recorder.ko(wasPost ? "admitted" : "page", "status " + status);
            return next.set("state", "error");
        }
        if (loc.matches(".*/home(\\?.*)?$") && body.contains(Sims.HOME_MARKER)) {
            if (wasPost) {
                Recorder.ok("admitted", elapsed);
            }
            return next.set("state", "done");
        }
        if (loc.contains("/waiting-room")) {
            Recorder.ko(wasPost ? "admitted" : "page", "a non-browser sent to the waiting room");
            return next.set("state", "error");
        }
        Matcher viewState = VIEW_STATE.matcher(body);
        Matcher nonce = NONCE.matcher(body);
        Matcher token = FORM_TOKEN.matcher(body);
        if (!wasPost && loc.contains("/login") && viewState.find() && nonce.find() && token.find()) {
            return next.set("state", "form").set("viewState", viewState.group(1)).set("nonce", nonce.group(1))
                    .set("formToken", token.group(1));
        }
        Recorder.ko(wasPost ? "admitted" : "page", wasPost ? "back on the form" : "unexpected page "
                + loc.replaceAll("^https?://[^/]+", ""));
        return next.set("state", "error");
    }

    private static long cpuMillis() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    @Override
    public void after() {
        Recorder.extra("generator.cpu.ms", String.valueOf(cpuMillis() - cpuAtStart));
        Recorder.write();
    }
}
