package fr.ent.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Every setting of the run: a system property ({@code mvn -Pbench -pl ent-bench -am verify -Dbench.step=10 …}) with
 * the full-run default. The paths are set by the pom.
 */
final class Config {

    final Path war = Path.of(req("bench.war"));
    final Path microJar = Path.of(req("bench.micro.jar"));
    final Path keycloakDist = Path.of(req("bench.keycloak.dist"));
    final String keycloakVersion = System.getProperty("bench.keycloak.version", "?");
    final String gatlingVersion = System.getProperty("bench.gatling.version", "?");
    final Path work = Path.of(req("bench.work"));
    final Path classpathFile = Path.of(req("bench.classpath.file"));
    final Path classes = Path.of(req("bench.classes"));
    final Path docs = Path.of(req("bench.docs"));

    /** Which phases run: all by default; e.g. -Dbench.phases=hash,portal,keycloak. */
    final List<String> phases = list("bench.phases", "start,hash,portal,sessions,passkey,keycloak");

    final String pgHost = str("bench.pg", "127.0.0.1:5432");
    final String dbUser = str("bench.pg.user", "postgres");
    final String dbName = str("bench.pg.db", "bench");

    final int accounts = integer("bench.accounts", 10_000);
    final String password = str("bench.password", "Bench#Mot2Passe-2026");

    final int hashSeconds = integer("bench.hash.seconds", 10);
    final int warmupSeconds = integer("bench.warmup", 30);
    final double warmupRate = dbl("bench.warmup.rate", 5);
    final int stepSeconds = integer("bench.step", 45);
    final List<String> signinRates = list("bench.signin.rates", "5,10,15,20,25,30,35,40,45,50,60,70,80");
    final double p99LimitMs = dbl("bench.signin.p99", 1000);
    /** A failing step is run again this many times before the search stops (passes vary by a few sign-ins/s). */
    final int stepRetries = integer("bench.step.retries", 1);

    final int anonUsers = integer("bench.anon.users", 16);
    final int anonSeconds = integer("bench.anon.seconds", 30);

    final int rememberDevices = integer("bench.remember.devices", 1000);
    final List<String> rememberRates = list("bench.remember.rates", "25,50,100,200,300,400,500,600,800,1000,1200");
    final int rememberStepSeconds = integer("bench.remember.step", 30);
    final int rememberWarmupSeconds = integer("bench.remember.warmup", 20);
    final double rememberP99Ms = dbl("bench.remember.p99", 100);

    /** "auto" (run when the WAR has a waiting room), "force" or "skip". */
    final String overload = str("bench.overload", "auto");
    final double overloadFactor = dbl("bench.overload.factor", 10);
    final int overloadSeconds = integer("bench.overload.seconds", 180);
    /** Pause before the overload, so that tickets abandoned by the capacity steps are passed over. */
    final int settleSeconds = integer("bench.settle", 45);

    /** The storm (issue 21): "auto" (run when the WAR has a waiting room), "force" or "skip". */
    final String storm = str("bench.storm", "auto");
    final double stormFactor = dbl("bench.storm.factor", 10);
    final int stormSeconds = integer("bench.storm.seconds", 180);
    /** impatient (retry a 503 at once), polite (honour Retry-After), browser (follow the waiting room). */
    final List<String> stormKinds = list("bench.storm.kinds", "impatient,polite,browser");

    /** Passkey sign-ins beside password ones (issue 24): accounts given a passkey, clients, seconds per loop. */
    final int passkeyDevices = integer("bench.passkey.devices", 200);
    final int passkeyClients = integer("bench.passkey.clients", 8);
    final int passkeySeconds = integer("bench.passkey.seconds", 30);

    final int sessions = integer("bench.sessions", 50_000);
    final int sessionUsers = integer("bench.sessions.users", 8);
    final String sessionsXmx = str("bench.sessions.xmx", "3g");
    final String portalXmx = str("bench.portal.xmx", "1g");
    /** How the portal is launched ({@link Launcher}): jar, prepared or cds. */
    final String portalLauncher = str("bench.portal.launcher", "cds");
    final int startRounds = integer("bench.start.rounds", 2);
    /** MALLOC_ARENA_MAX of the portal's process, as in production (docker/Dockerfile); "default" = glibc's. */
    final String mallocArenas = str("bench.portal.malloc-arenas", "2");

    final List<String> keycloakRates = list("bench.keycloak.rates", "5,10,15,20,25,30,35,40");
    final boolean keycloak = Boolean.parseBoolean(str("bench.keycloak", "true"));

    final String gatlingXmx = str("bench.gatling.xmx", "1g");
    final boolean gatlingReports = Boolean.parseBoolean(str("bench.gatling.reports", "true"));

    /** Written into the report: how the run was started. */
    final String command = str("bench.command", "mvn -Pbench -pl ent-bench -am verify");

    String dbUrl() {
        return "jdbc:postgresql://" + pgHost + "/" + dbName;
    }

    boolean phase(String name) {
        return phases.contains(name);
    }

    /** The non-default settings, for the report. */
    static String overrides() {
        StringBuilder b = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("bench.") && !List.of("bench.war", "bench.micro.jar", "bench.keycloak.dist",
                        "bench.keycloak.version", "bench.gatling.version", "bench.work", "bench.classpath.file",
                        "bench.classes", "bench.docs", "bench.command").contains(k))
                .forEach(k -> b.append(b.length() == 0 ? "" : " ").append("-D").append(k).append('=').append(System.getProperty(k)));
        return b.toString();
    }

    private static String req(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("Missing system property " + key + " (set by ent-bench/pom.xml)");
        }
        return v;
    }

    private static String str(String key, String def) {
        return System.getProperty(key, def);
    }

    private static int integer(String key, int def) {
        return Integer.parseInt(str(key, String.valueOf(def)).trim());
    }

    private static double dbl(String key, double def) {
        return Double.parseDouble(str(key, String.valueOf(def)).trim());
    }

    private static List<String> list(String key, String def) {
        return Arrays.stream(str(key, def).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
