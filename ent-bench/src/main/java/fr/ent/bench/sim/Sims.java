package fr.ent.bench.sim;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * What the simulations share: their settings (system properties set by the orchestrator, or by hand with the
 * gatling-maven-plugin), the HTTP protocol of a browser-like client on loopback, and the portal's sign-in steps.
 */
public final class Sims {

    /** Marker of the portal's home page. */
    public static final String HOME_MARKER = "id=\"home-heading\"";
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Sims() {
    }

    public static String base() {
        return System.getProperty("bench.base", "http://127.0.0.1:8080");
    }

    public static double rate() {
        return Double.parseDouble(System.getProperty("bench.rate", "10"));
    }

    public static Duration duration() {
        return Duration.ofSeconds(Long.getLong("bench.duration", 30));
    }

    public static int users() {
        return Integer.getInteger("bench.users", 10);
    }

    /** Hard bound of every simulation: the injection time plus a grace period for the last users. */
    public static Duration maxDuration() {
        return duration().plusSeconds(Long.getLong("bench.grace", 60));
    }

    /** An open-model injection at {@code bench.rate} users per second for {@code bench.duration}. */
    public static OpenInjectionStep openRate() {
        return constantUsersPerSec(rate()).during(duration());
    }

    /**
     * A browser on loopback: HTML accepted, French first, its own connections per virtual user, no cache, and no
     * Gatling warm-up request (which would go to a public host).
     */
    public static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .acceptHeader(BROWSER_ACCEPT)
                .acceptLanguageHeader("fr-FR,fr;q=0.9,en;q=0.5")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) ent-bench/Gatling")
                .disableWarmUp()
                .disableCaching();
    }

    /** Accounts {@code <prefix><n>} for n in [1, bench.accounts], drawn at random, all with {@code bench.password}. */
    public static Iterator<Map<String, Object>> accounts() {
        int count = Integer.getInteger("bench.accounts", 10_000);
        String prefix = System.getProperty("bench.account.prefix", "u.bench");
        String password = System.getProperty("bench.password", "Bench#Mot2Passe-2026");
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                int n = 1 + ThreadLocalRandom.current().nextInt(count);
                return Map.of("identifier", prefix + n, "password", password);
            }
        };
    }

    /** GET /login: 200, the form's view state and the page's CSP nonce saved. */
    public static ChainBuilder getLogin(String name) {
        return exec(http(name).get("/login")
                .check(status().saveAs("lastStatus"), status().is(200),
                        css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"),
                        regex("nonce=\"([^\"]+)\"").saveAs("nonce"),
                        css("input[name='ent_form_token']", "value").saveAs("formToken")));
    }

    /**
     * POST of the sign-in form with what a browser sends (PrimeFaces adds the nonce on submit), redirects followed; it
     * must land on /home. With {@code remember}, the box "remember this device" is ticked ({@code remember=on}).
     */
    public static ChainBuilder postLogin(String name, boolean remember) {
        var post = http(name).post("/login")
                .formParam("login", "login")
                .formParam("identifier", "#{identifier}")
                .formParam("password", "#{password}")
                .formParam("submit", "")
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}")
                .formParam("ent_form_token", "#{formToken}");
        if (remember) {
            post = post.formParam("remember", "on");
        }
        return exec(post.check(status().saveAs("lastStatus"), status().is(200),
                currentLocationRegex(".*/home(\\?.*)?$"), substring(HOME_MARKER)));
    }

    /** A whole password sign-in (new session: the cookie jar is emptied first), timed as step "signin". */
    public static ChainBuilder passwordSignIn(boolean remember) {
        return exec(flushCookieJar())
                .exec(Recorder.start("signin"))
                .exitBlockOnFail().on(exec(getLogin("GET /login"), postLogin("POST /login", remember)))
                .exec(Recorder.stop("signin"));
    }
}
