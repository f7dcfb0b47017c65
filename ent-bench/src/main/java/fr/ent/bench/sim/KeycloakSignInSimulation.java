package fr.ent.bench.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The same password sign-in against Keycloak: a new browser GETs the authorization endpoint of realm
 * {@code bench.realm} for the public client {@code bench.client} (login form, 200), then POSTs the credentials to
 * the form's action; success is Keycloak's 302 to {@code bench.redirect} with a {@code code}. Timed as {@code signin}.
 * <p>
 * Keycloak marks its cookies Secure even over plain HTTP; a client that honours the flag drops them and the POST
 * fails ("cookie not found"). On loopback the simulation sends them back itself: the jar is emptied and the
 * cookies set by the GET go in an explicit Cookie header.
 */
public class KeycloakSignInSimulation extends Simulation {

    {
        String realm = System.getProperty("bench.realm", "bench");
        String client = System.getProperty("bench.client", "bench");
        String redirect = System.getProperty("bench.redirect", "http://127.0.0.1:9/callback");
        String auth = "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + client
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=";
        ScenarioBuilder scenario = scenario("keycloak password sign-in").feed(Sims.accounts())
                .exec(flushCookieJar())
                .exec(Recorder.start("signin"))
                .exitBlockOnFail().on(exec(
                        http("GET auth").get(session -> auth + UUID.randomUUID())
                                .check(status().saveAs("lastStatus"), status().is(200),
                                        css("#kc-form-login", "action").saveAs("action"),
                                        header("Set-Cookie").findAll().saveAs("setCookies")),
                        exec(flushCookieJar()),
                        exec(session -> {
                            List<String> set = session.getList("setCookies");
                            String cookies = set.stream().map(c -> c.split(";", 2)[0].trim())
                                    .filter(c -> c.contains("=") && !c.endsWith("="))
                                    .collect(Collectors.joining("; "));
                            return session.set("cookieHeader", cookies)
                                    .set("action", session.getString("action").replace("&amp;", "&"));
                        }),
                        http("POST credentials").post("#{action}")
                                .header("Cookie", "#{cookieHeader}")
                                .formParam("username", "#{identifier}")
                                .formParam("password", "#{password}")
                                .formParam("credentialId", "")
                                .disableFollowRedirect()
                                .check(status().saveAs("lastStatus"), status().is(302),
                                        header("Location").transform(l -> l.startsWith(redirect) && l.contains("code="))
                                                .is(true))))
                .exec(Recorder.stop("signin"));
        setUp(scenario.injectOpen(Sims.openRate()))
                .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
    }

    @Override
    public void after() {
        Recorder.write();
    }
}
