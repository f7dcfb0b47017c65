package fr.ent.bench;

import static fr.ent.bench.BenchMain.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The generated section of docs/PERFORMANCE.md: what ran, on what, the figures and the targets met or missed. */
final class Report {

    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> durations = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private final String loadBefore = loadAverage();

    void note(String s) {
        notes.add(s);
    }

    void failure(String s) {
        failures.add(s);
    }

    void duration(String phase, double seconds) {
        durations.add(String.format(Locale.ROOT, "%s %.0f s", phase, seconds));
    }

    void hash(HashCeiling.Result r, int seconds) {
        body.append("\n### Hash-only ceiling\n\nArgon2id m=19456 KiB, t=2, p=1 with argon2-jvm (native libargon2), the portal's"
                + " library and parameters, in the orchestrator's JVM with no server running; ").append(seconds)
                .append(" s per measure after a warm-up.\n\n| threads | hashes/s | ms per hash |\n|---|---|---|\n")
                .append("| 1 | ").append(fmt(r.oneThread())).append(" | ").append(fmt(r.msPerHash())).append(" |\n")
                .append("| 2 | ").append(fmt(r.twoThreads())).append(" | – |\n");
    }

    void coldStart(String what, long coldMillis, long readyMillis) {
        note(String.format(Locale.ROOT, "Cold start, %s: first 200 on /login after %.1f s (readiness UP after %.1f s).",
                what, coldMillis / 1000.0, readyMillis / 1000.0));
    }

    void anonymous(Gatling.Result r, double perSecond, Config c) {
        body.append("\n### Anonymous GET /login\n\n").append(c.anonUsers).append(" clients in a closed loop for ")
                .append(c.anonSeconds).append(" s, each keeping its connection but emptying its cookie jar before each GET"
                        + " (a new visitor each time).\n\n| GETs/s | ok | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n")
                .append(String.format("| %s | %d | %d | %s | %s | %s | %s |%n", fmt(perSecond), r.ok("get"), r.ko("get"),
                        fmt(r.ms("get", "p50")), fmt(r.ms("get", "p95")), fmt(r.ms("get", "p99")), fmt(r.ms("get", "max"))));
        if (!r.errors().isEmpty()) {
            body.append("\nErrors: ").append(r.errors()).append('\n');
        }
    }

    void starts(Map<String, List<Long>> millis, Map<String, List<Double>> cpu, Config c) {
        body.append("\n### Cold start by way of launching\n\nProcess start to the first 200 on /login, empty database (Flyway"
                + " migrates), -Xmx").append(c.portalXmx).append(", ").append(c.startRounds).append(" rounds in turn."
                + " `jar`: payara-micro.jar unpacks itself and deploys the WAR (as the black-box suite);"
                + " `prepared`: a Payara Micro root made once with the WAR deployed into it (`--rootdir`, `--outputlauncher`,"
                + " `--warmup`); `cds`: the same plus a class-data-sharing archive of the warm-up's classes (docker/Dockerfile"
                + " builds its image this way). CPU: the portal's CPU time (user + system) when it was ready.\n\n"
                + "| launcher | starts (s) | best (s) | CPU (s) |\n|---|---|---|---|\n");
        millis.forEach((kind, list) -> body.append("| ").append(kind).append(" | ")
                .append(String.join(", ", list.stream().map(m -> fmt(m / 1000.0)).toList())).append(" | ")
                .append(fmt(list.stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0)).append(" | ")
                .append(String.join(", ", cpu.get(kind).stream().map(BenchMain::fmt).toList())).append(" |\n"));
    }

    void anonymousWrk(Wrk.Result w, Config c) {
        body.append(String.format(Locale.ROOT, "%nThe same page under wrk (a C client, 2 threads, 20 connections, %d s, no cookies):"
                + " **%s GETs/s**, p99 %s ms, %d answers other than 2xx/3xx%s.%n", c.anonSeconds, fmt(w.perSecond()),
                fmt(w.p99Ms()), w.non2xx(), w.socketErrors().isEmpty() ? "" : ", " + w.socketErrors()));
    }

    void steps(String who, List<String[]> rows, double best, Config c) {
        body.append("\n### Password sign-in steps: ").append(who).append("\n\nOpen model: new browsers arrive at the offered"
                + " rate for ").append(c.stepSeconds).append(" s; each GETs the form and posts it")
                .append(who.startsWith("keycloak") ? " (success: Keycloak's 302 to the client with a code)"
                        : ", redirects followed to /home (200 and the home marker)")
                .append(". A step passes with no error, p99 ≤ ").append(fmt(c.p99LimitMs))
                .append(" ms and ≥ 90% of the offered rate completed; a failing step is run once more (after `bench.settle` seconds, so the waiting line passes over the tickets it left), and the search stops at the first step"
                        + " that fails again.\n\n")
                .append("| offered /s | completed /s | ok | errors | p50 ms | p95 ms | p99 ms | max ms | pass | errors seen |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append("\n**Capacity (").append(who).append("): ").append(best > 0 ? fmt(best) + " sign-ins/s" : "no step passed")
                .append("**\n");
    }

    void remembered(List<String[]> rows, String text) {
        body.append("\n### Remembered-device sign-ins\n\n");
        if (rows == null) {
            body.append(text).append(".\n");
            return;
        }
        body.append(text).append(": each new browser holds only its ent_remember cookie and GETs /home; pass: no error,"
                + " p99 ≤ 100 ms, ≥ 90% of the offered rate. The steps follow a warm-up at the first rate (not counted); a"
                + " failing step is run once more, and the search stops at the first step that fails again.\n\n")
                .append("| offered /s | completed /s | ok | errors | p50 ms | p95 ms | p99 ms | max ms | pass | errors seen |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }

    /** {rate, successful/s, admitted p99, waiting p99, errors, RSS MiB, recovery s, capacity}. */
    void overload(double[] v, String text) {
        body.append("\n### Overload (10× capacity)\n\n");
        if (v == null) {
            body.append(text).append(".\n");
            return;
        }
        body.append(String.format(Locale.ROOT, "Browsers arriving at %s/s (%.0f× the capacity of %s/s) with the waiting room;"
                + " a prober signs in every 250 ms from the end of the arrivals.%n%n", fmt(v[0]), v[0] / v[7], fmt(v[7])))
                .append("| successful sign-ins/s | admitted p99 ms | waiting-room p99 ms | errors | peak RSS MiB (VmHWM) | recovery s |\n")
                .append("|---|---|---|---|---|---|\n")
                .append(String.format("| %s | %s | %s | %.0f | %s | %s |%n", fmt(v[1]), fmt(v[2]), fmt(v[3]), v[4], fmt(v[5]),
                        v[6] < 0 ? "not within 3 min" : fmt(v[6])));
        if (!text.isEmpty()) {
            body.append("\nCounted: ").append(text).append('\n');
        }
    }

    void sessions(long sessions, long warm, long before, long after, double perSession, Gatling.Result r, double seconds,
                  String heapInfo, Config c) {
        body.append("\n### Heap per authenticated session\n\nA restarted portal (-Xmx").append(c.sessionsXmx)
                .append(") where the bench accounts have a cheap Argon2id hash (m=8 KiB, t=1; the portal configured alike, so"
                        + " no rehash): the session a sign-in leaves is the same, the hash cost is not. ")
                .append(c.sessionUsers).append(" clients sign in in a loop, each time with an empty cookie jar (GET /login, POST,"
                        + " /home), and leave the session open. Live heap = total of `jcmd PID GC.class_histogram` (after a full"
                        + " GC), measured after ").append(warm).append(" warm-up sign-ins and again after the measured ones.\n\n")
                .append("| sessions kept | live heap before MiB | after MiB | bytes per session | sign-ins/s without the hash cost | p99 ms |\n")
                .append("|---|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %s | %s | %s |%n", sessions, before / 1048576.0,
                        after / 1048576.0, fmt(perSession), fmt(r.okPerSecond("signin")), fmt(r.ms("signin", "p99"))));
        if (r.ko("signin") > 0) {
            body.append("\nErrors during the sign-ins: ").append(r.errors()).append('\n');
        }
        String info = heapInfo.lines().filter(l -> l.contains("garbage-first heap") || l.contains("total")).findFirst().orElse("");
        if (!info.isBlank()) {
            body.append("\n`GC.heap_info` at the end: `").append(info.trim()).append("`\n");
        }
        if (sessions < 50_000) {
            body.append(String.format(Locale.ROOT, "%nExtrapolated to 50,000 sessions: %.0f MiB.%n", perSession * 50_000 / 1048576.0));
        }
    }

    private final List<String> stormKinds = new ArrayList<>();
    private final List<double[]> stormRows = new ArrayList<>();
    private final List<String> stormErrors = new ArrayList<>();
    private double[] keycloakStorm;
    private String keycloakStormErrors = "";

    /** One kind of the storm: rate, goodput, goodput/capacity, admitted p99, waiting p99, refusals, CPU ms per refusal,
     * portal CPU %, generator CPU %, peak RSS MiB, recovery s, capacity. */
    void storm(String kind, double[] v, String errors) {
        stormKinds.add(kind);
        stormRows.add(v);
        stormErrors.add(errors);
    }

    /** Keycloak in the storm: rate, goodput, goodput/capacity, p99, CPU %, peak RSS MiB, capacity. */
    void keycloakStorm(double[] v, String errors) {
        keycloakStorm = v;
        keycloakStormErrors = errors;
    }

    /** The storm's table, with each goodput as a ratio to this run's capacity and to Keycloak's goodput in its storm. */
    private void renderStorm(StringBuilder s) {
        if (stormRows.isEmpty() && keycloakStorm == null) {
            return;
        }
        s.append("\n### Storm (issue 21)\n\n")
                .append("Each kind of client in turn, arriving at the factor × the capacity of the same run for the storm's"
                        + " duration (settings in the command): impatient clients send a refused request again at once,"
                        + " polite ones after Retry-After, browsers follow the waiting room. Goodput = sign-ins completed"
                        + " (during the arrivals and the grace after them) per second of arrivals. CPU per refusal: the portal's CPU time less the hash time of the"
                        + " sign-ins (1 / the one-thread hash rate each), over the refusals (503s, waiting-room answers and"
                        + " polls): an upper bound, the sign-ins' pages are counted in. CPU % of one core, over the run.\n\n")
                .append("| clients | offered/s | goodput/s | × capacity | × Keycloak | admitted p99 ms | waiting-room p99 ms"
                        + " | refusals | CPU ms per refusal (≤) | portal CPU % | generator CPU % | peak RSS MiB | recovery s |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Double kc = keycloakStorm == null ? null : keycloakStorm[1];
        for (int i = 0; i < stormRows.size(); i++) {
            double[] v = stormRows.get(i);
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s |%n",
                    stormKinds.get(i), fmt(v[0]), fmt(v[1]), fmt(v[2]), kc == null || kc == 0 ? "–" : fmt(v[1] / kc),
                    fmt(v[3]), fmt(v[4]), v[5], fmt(v[6]), fmt(v[7]), fmt(v[8]), fmt(v[9]),
                    Double.isNaN(v[10]) ? "not within 3 min" : fmt(v[10])));
        }
        if (keycloakStorm != null) {
            double[] k = keycloakStorm;
            s.append(String.format(Locale.ROOT, "| Keycloak (defaults), any kind | %s | %s | %s | 1 | %s | – | 0 | – | %s | – | %s | – |%n",
                    fmt(k[0]), fmt(k[1]), fmt(k[2]), fmt(k[3]), fmt(k[4]), fmt(k[5])));
        }
        for (int i = 0; i < stormErrors.size(); i++) {
            if (!stormErrors.get(i).isEmpty()) {
                s.append("\nCounted (").append(stormKinds.get(i)).append("): ").append(stormErrors.get(i)).append('\n');
            }
        }
        if (!keycloakStormErrors.isEmpty()) {
            s.append("\nCounted (Keycloak): ").append(keycloakStormErrors).append('\n');
        }
    }

    void keycloakVariant(String variant, String what) {
        body.append("\n(keycloak-").append(variant).append(": ").append(what).append(".)\n");
    }

    void passkeys(PasskeyRate.Loop passkeys, PasskeyRate.Loop passwords, Config c) {
        body.append("\n### Passkey sign-ins (issue 24)\n\n").append(String.format(Locale.ROOT, "%d accounts given a passkey"
                + " through the portal's own registration (a software P-256 authenticator, attestation none); then %d"
                + " clients in a closed loop for %d s, each time as a new browser: a passkey sign-in is /passkey/options,"
                + " the signed assertion to /passkey/sign-in and the landing page; a password sign-in is GET /login, the"
                + " form posted (Argon2id m=19456 t=2) and /home. Same portal, one after the other.%n%n",
                c.passkeyDevices, c.passkeyClients, c.passkeySeconds))
                .append("| sign-in | per second | ok | failed | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        for (Object[] row : new Object[][] {{"passkey", passkeys}, {"password", passwords}}) {
            PasskeyRate.Loop l = (PasskeyRate.Loop) row[1];
            body.append("| ").append(row[0]).append(" | ").append(fmt(l.perSecond())).append(" | ").append(l.ok())
                    .append(" | ").append(l.failed()).append(" | ").append(fmt(l.p(0.5))).append(" | ")
                    .append(fmt(l.p(0.99))).append(" |\n");
        }
    }

    String render(Config c, Instant start, Instant end, Map<String, Double> f) {
        StringBuilder s = new StringBuilder();
        s.append("## Benchmark run (generated)\n\n")
                .append("Date: ").append(BenchMain.utc(start)).append(" to ").append(BenchMain.utc(end))
                .append(String.format(Locale.ROOT, " (%.0f min). ", (end.toEpochMilli() - start.toEpochMilli()) / 60000.0))
                .append("Machine: ").append(machine()).append(". Load average before: ").append(loadBefore)
                .append(", after: ").append(loadAverage()).append(".\n\n")
                .append("Command: `").append(c.command).append(Config.overrides().isEmpty() ? "" : " " + Config.overrides())
                .append("` (phases ").append(c.phases).append(", Gatling ").append(c.gatlingVersion).append(", Keycloak ")
                .append(c.keycloakVersion).append(", ").append(String.format("%,d", c.accounts)).append(" accounts).\n");
        if (!Config.overrides().isEmpty()) {
            s.append("\n**Shortened run (settings overridden): the figures below are not the full-run figures.**\n");
        }
        s.append("\n### Targets\n\n| figure | measured | target | met? |\n|---|---|---|---|\n");
        Double hash = f.get("hash2");
        Double cap = f.get("capacity");
        Double kc = f.get("kc-default");
        target(s, "password sign-in capacity vs hash-only ceiling (2 threads)", cap, hash == null ? null : 0.9 * hash,
                cap == null || hash == null ? null : String.format(Locale.ROOT, "%s/s = %.0f%% of %s/s", fmt(cap), 100 * cap / hash, fmt(hash)),
                "≥ 90% of the ceiling", true);
        target(s, "password sign-in capacity vs Keycloak at its defaults", cap, kc == null ? null : 2 * kc,
                cap == null || kc == null ? null : String.format(Locale.ROOT, "%s/s vs %s/s (%.1f×)", fmt(cap), fmt(kc), kc == 0 ? Double.NaN : cap / kc),
                "≥ 2×", true);
        if (f.containsKey("kc-ours")) {
            s.append("| Keycloak at the portal's Argon2id (for reference) | ").append(fmt(f.get("kc-ours"))).append("/s | – | – |\n");
        }
        target(s, "remembered-device sign-ins/s (step passes with p99 ≤ 100 ms)", f.get("remembered"), 500.0, null, "≥ 500/s", true);
        Double ovCap = cap;
        target(s, "overload: successful sign-ins/s", f.get("ovSuccess"), ovCap == null ? null : 0.9 * ovCap, null, "≥ 90% of capacity", true);
        target(s, "overload: admitted p99 (ms)", f.get("ovAdmittedP99"), 2000.0, null, "≤ 2,000 ms", false);
        target(s, "overload: waiting-room p99 (ms)", f.get("ovWaitingP99"), 50.0, null, "≤ 50 ms", false);
        target(s, "overload: errors other than planned 503", f.get("ovErrors"), 0.0, null, "0", false);
        target(s, "overload: peak RSS of the portal (MiB)", f.get("ovRss"), 1024.0, null, "≤ 1,024 MiB", false);
        target(s, "overload: recovery after the load drops (s)", f.get("ovRecovery"), 10.0, null, "≤ 10 s", false);
        if (f.containsKey("passkey")) {
            s.append(String.format(Locale.ROOT, "| passkey sign-ins/s beside password sign-ins/s (same clients, closed loop) | %s/s vs %s/s | reported | – |%n",
                    fmt(f.get("passkey")), fmt(f.get("passkeyPassword"))));
        }
        target(s, "anonymous GET /login per second", f.get("anon"), 1500.0, null, "≥ 1,500/s", true);
        target(s, "anonymous GET /login per second, wrk with 20 connections (issue 21)", f.get("anonWrk"), 3000.0, null, "≥ 3,000/s", true);
        target(s, "heap per authenticated session (bytes)", f.get("heapPerSession"), 4096.0, null, "≤ 4,096 B", false);
        target(s, "cold start, restart on a migrated database (s), launcher " + c.portalLauncher, div(f.get("coldRestart")), 12.0, null, "≤ 12 s", false);
        target(s, "cold start, empty database (s), launcher " + c.portalLauncher, div(f.get("coldFresh")), 12.0, null, "≤ 12 s", false);
        for (String kind : List.of("jar", "prepared", "cds")) {
            if (f.containsKey("start-" + kind)) {
                target(s, "cold start by launcher, " + kind + ", best of " + c.startRounds + " (s)", div(f.get("start-" + kind)), 12.0, null, "≤ 12 s", false);
            }
        }
        for (String kind : stormKinds) {
            target(s, "storm (" + kind + "): goodput/s", f.get("storm-" + kind + "-goodput"), cap == null || cap <= 0 ? null : 0.9 * cap,
                    null, "≥ 90% of capacity", true);
            target(s, "storm (" + kind + "): admitted p99 (ms)", f.get("storm-" + kind + "-admittedP99"), 2000.0, null,
                    "≤ 2,000 ms", false);
        }
        if (f.containsKey("rssPortal")) {
            s.append("\nPeak RSS of the portal over its phases (VmHWM): ").append(fmt(f.get("rssPortal"))).append(" MiB.");
            if (f.containsKey("kcRss-default")) {
                s.append(" Keycloak (defaults): ").append(fmt(f.get("kcRss-default"))).append(" MiB.");
            }
            s.append('\n');
        }
        if (!failures.isEmpty()) {
            s.append("\n**Phases that failed:**\n\n");
            failures.forEach(x -> s.append("- ").append(x).append('\n'));
        }
        if (!notes.isEmpty()) {
            s.append("\n### Notes\n\n");
            notes.forEach(x -> s.append("- ").append(x).append('\n'));
        }
        s.append(body);
        renderStorm(s);
        s.append("\nPhase durations: ").append(String.join(", ", durations)).append(". Raw timings: `ent-bench/target/bench/results/`,"
                + " Gatling reports: `ent-bench/target/bench/gatling/`, logs: `ent-bench/target/bench/logs/` and"
                + " `ent-bench/target/bench/portal*/portal.log`.\n");
        return s.toString();
    }

    private static Double div(Double millis) {
        return millis == null ? null : millis / 1000.0;
    }

    private static void target(StringBuilder s, String what, Double measured, Double limit, String text, String target,
                               boolean atLeast) {
        String m = text != null ? text : measured == null ? "not measured" : fmt(measured);
        String met;
        if (measured == null || limit == null || measured.isNaN()) {
            met = measured == null ? "–" : "not measured";
        } else if (atLeast) {
            met = measured >= limit ? "met" : String.format(Locale.ROOT, "missed by %.0f%%", limit == 0 ? 0 : 100 * (limit - measured) / limit);
        } else {
            met = measured <= limit ? "met" : String.format(Locale.ROOT, "missed: %s over", fmt(measured - limit));
        }
        s.append("| ").append(what).append(" | ").append(m).append(" | ").append(target).append(" | ").append(met).append(" |\n");
    }

    static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d processors (%s), %s RAM, JDK %s, host %s", Runtime.getRuntime().availableProcessors(),
                cpu, mem, Runtime.version(), BenchMain.host());
    }

    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
