package fr.ent.bench.sim;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * Anonymous GET /login: {@code bench.users} clients in a closed loop for {@code bench.duration} s, each keeping its
 * connection but no cookie (the jar is emptied before each GET, as for a new visitor). Timed as step {@code get}.
 */
public class AnonymousLoginSimulation extends Simulation {

    {
        ScenarioBuilder scenario = scenario("anonymous /login")
                .during(Sims.duration()).on(
                        exec(flushCookieJar())
                                .exec(Recorder.start("get"))
                                .exitBlockOnFail().on(exec(http("GET /login").get("/login")
                                        .check(status().saveAs("lastStatus"), status().is(200),
                                                substring("jakarta.faces.ViewState"))))
                                .exec(Recorder.stop("get")));
        setUp(scenario.injectOpen(atOnceUsers(Sims.users())))
                .protocols(Sims.protocol(Sims.base())).maxDuration(Sims.maxDuration());
    }

    @Override
    public void after() {
        Recorder.write();
    }
}
