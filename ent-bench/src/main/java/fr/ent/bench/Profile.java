package fr.ent.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The profile phase ({@code -Dbench.phases=profile}, not in the default run): where the portal's time and memory go
 * for the figures that miss their targets. On a portal with cheap hashes (the hash is measured on its own), it records
 * <ul>
 * <li>the cold start with Java Flight Recorder from the process start to the first 200 on {@code /login};</li>
 * <li>anonymous {@code GET /login} in a closed loop: requests per second and the portal's CPU time per request
 * ({@code /proc/PID/stat}), under JFR;</li>
 * <li>password sign-ins as new browsers: the portal's CPU per sign-in, under JFR, and the live heap's class histogram
 * before and after, so the bytes an open session keeps are listed class by class;</li>
 * <li>remembered-device sign-ins (GET /home with only the device cookie): CPU per sign-in, under JFR.</li>
 * </ul>
 * Each recording is summarised (the methods where samples were taken, self and inclusive, and the libraries they
 * belong to) into {@code target/bench/profile/summary.md}; the .jfr files stay beside it for JDK Mission Control.
 */
final class Profile {

    private static final String[][] LIBRARIES = {
            {"fr.ent.", "portal code"}, {"org.primefaces.", "PrimeFaces"}, {"com.sun.faces.", "Mojarra (Faces)"},
            {"jakarta.faces.", "Mojarra (Faces)"}, {"org.omnifaces.", "OmniFaces"}, {"org.jboss.weld.", "Weld (CDI)"},
            {"org.hibernate.", "Hibernate"}, {"org.postgresql.", "PostgreSQL JDBC"}, {"org.flywaydb.", "Flyway"},
            {"com.hazelcast.", "Hazelcast"}, {"org.glassfish.grizzly.", "Grizzly (HTTP)"},
            {"org.apache.catalina.", "Catalina (servlets)"}, {"org.apache.coyote.", "Catalina (servlets)"},
            {"org.glassfish.soteria.", "Soteria (Jakarta Security)"}, {"com.sun.enterprise.security.", "Payara security"},
            {"org.glassfish.", "Payara / GlassFish"}, {"fish.payara.", "Payara / GlassFish"},
            {"com.sun.enterprise.", "Payara / GlassFish"}, {"org.jvnet.hk2.", "HK2"}, {"org.glassfish.hk2.", "HK2"},
            {"com.sun.el.", "Expression Language"}, {"org.glassfish.expressly.", "Expression Language"},
            {"io.smallrye.", "MicroProfile (SmallRye)"}, {"de.mkammerer.argon2.", "Argon2"},
            {"java.util.regex.", "JDK regex"}, {"java.util.zip.", "JDK zip"}, {"javax.xml.", "JDK XML"},
            {"com.sun.org.apache.", "JDK XML"}, {"jdk.internal.org.xml.", "JDK XML"},
            {"java.lang.invoke.", "JDK reflection / invoke"}, {"jdk.internal.reflect.", "JDK reflection / invoke"},
            {"java.lang.reflect.", "JDK reflection / invoke"}, {"java.lang.ClassLoader", "class loading"},
            {"java.net.URLClassLoader", "class loading"}, {"sun.nio.", "JDK I/O"}, {"java.io.", "JDK I/O"},
            {"sun.security.", "JDK crypto"}, {"com.sun.crypto.", "JDK crypto"}, {"java.security.", "JDK crypto"},
            {"java.", "JDK other"}, {"jdk.", "JDK other"}, {"sun.", "JDK other"}};

    private final Config config;
    private final Report report;
    private final Path dir;
    private final StringBuilder summary = new StringBuilder();

    Profile(Config config, Report report) {
        this.config = config;
        this.report = report;
        this.dir = config.work.resolve("profile");
    }

    void run() throws Exception {
        Procs.deleteRecursively(dir);
        Files.createDirectories(dir);
        Db.recreate(config);
        String cheap = HashCeiling.phc(config.password, 8, 1, 1);
        Path start = dir.resolve("cold-start.jfr");
        try (Portal portal = Portal.start(config, config.work, "portal-profile", config.sessionsXmx, List.of(
                "-Dent.password.argon2.memory-kib=8", "-Dent.password.argon2.iterations=1",
                "-Dent.admission.dev-controls=true", // the refusals' part holds the hash slots
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                "-XX:StartFlightRecording=name=start,settings=profile"),
                // JFR with the dynamic CDS archive crashes OpenJDK 17.0.15 (SIGSEGV in
                // KlassFactory::check_shared_class_file_load_hook, 2026-12-07): profile without the archive
                "cds".equals(config.portalLauncher) ? "prepared" : config.portalLauncher)) {
            jcmd(portal, "JFR.stop", "name=start", "filename=" + start);
            summary.append(String.format(Locale.ROOT, "# Profile of the portal (%s)%n%nCold start (empty database, Flyway"
                    + " migrates): first 200 on /login after %,d ms, ready after %,d ms.%n%n", java.time.Instant.now(),
                    portal.coldStartMillis, portal.readyMillis));
            summarise("Cold start: process start to readiness", start, null);
            Db.seed(config, cheap);

            loginLoop(portal, 8, 10); // warm-up: JIT, Faces' caches
            jcmd(portal, "JFR.start", "name=login", "settings=profile");
            long cpu0 = cpuMillis(portal.pid());
            int gets = loginLoop(portal, config.anonUsers, config.anonSeconds);
            long cpu = cpuMillis(portal.pid()) - cpu0;
            Path login = dir.resolve("anonymous-login.jfr");
            jcmd(portal, "JFR.stop", "name=login", "filename=" + login);
            double rate = gets / (double) config.anonSeconds;
            summary.append(String.format(Locale.ROOT, "Anonymous GET /login, %d clients for %d s: %,d answers (%.0f/s);"
                    + " the portal's CPU time %.2f ms a request (%.0f%% of two cores).%n%n", config.anonUsers,
                    config.anonSeconds, gets, rate, cpu / (double) gets, 100.0 * cpu / (config.anonSeconds * 2000.0)));
            summarise("Anonymous GET /login", login, "http-thread-pool");

            int users = config.sessionUsers;
            signIns(portal, users, 400);
            Path before = dir.resolve("histogram-before.txt");
            Files.writeString(before, jcmd(portal, "GC.class_histogram"));
            jcmd(portal, "JFR.start", "name=signin", "settings=profile");
            long t0 = System.nanoTime();
            cpu0 = cpuMillis(portal.pid());
            int sessions = signIns(portal, users, Math.min(config.sessions, 5000));
            cpu = cpuMillis(portal.pid()) - cpu0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            Path signin = dir.resolve("signin.jfr");
            jcmd(portal, "JFR.stop", "name=signin", "filename=" + signin);
            Path after = dir.resolve("histogram-after.txt");
            Files.writeString(after, jcmd(portal, "GC.class_histogram"));
            summary.append(String.format(Locale.ROOT, "Password sign-ins (cheap hash: Argon2id m=8 KiB t=1), new browsers,"
                    + " %d clients: %,d sessions in %.1f s (%.1f/s); the portal's CPU time %.2f ms a sign-in (GET /login,"
                    + " POST, redirects, /home).%n%n", users, sessions, seconds, sessions / seconds, cpu / (double) sessions));
            summarise("Password sign-in as a new browser (cheap hash)", signin, "http-thread-pool");
            heapDiff(before, after, sessions);

            remembered(portal, users);
            refusals(portal, config.anonUsers);
        }
        Path out = dir.resolve("summary.md");
        Files.writeString(out, summary);
        report.note("Profile written to " + out + " (recordings beside it).");
        System.out.println(summary);
    }

    // ------------------------------------------------------------------------------------------------------ load

    /** Closed loop of GET /login without cookies; returns the number of 200 answers. */
    private int loginLoop(Portal portal, int clients, int seconds) throws Exception {
        URI uri = portal.base.resolve("/login");
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        inParallel(clients, () -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").GET().build();
            while (System.nanoTime() < end) {
                HttpResponse<Void> r = client.send(get, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    ok.incrementAndGet();
                }
            }
            return null;
        });
        return ok.get();
    }

    /** {@code count} sign-ins of u.bench1… as new browsers, each leaving its session open; returns those on /home. */
    private int signIns(Portal portal, int clients, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger home = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        inParallel(clients, () -> {
            int n;
            while ((n = next.getAndIncrement()) < count) {
                String identifier = "u.bench" + (1 + n % config.accounts);
                Browser.Outcome o = new Browser(portal.base).signIn(identifier, config.password, false);
                if (o.home()) {
                    home.incrementAndGet();
                } else if (failed.incrementAndGet() <= 3) {
                    System.out.println("[profile] sign-in of " + identifier + " ended on " + o);
                }
            }
            return null;
        });
        return home.get();
    }

    /** Remembered-device sign-ins (a new browser with only its ent_remember cookie GETs /home), under JFR. */
    private void remembered(Portal portal, int clients) throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<String> devices = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int n = 0; n < 200; n++) {
            Browser.Outcome o = new Browser(portal.base).signIn("u.bench" + (config.accounts - n), config.password, true);
            if (o.rememberCookie() != null) {
                devices.add(o.rememberCookie());
            }
        }
        if (devices.isEmpty()) {
            summary.append("No ent_remember cookie received: remembered devices not profiled.\n\n");
            return;
        }
        int warm = rememberedLoop(portal, devices, clients, 10);
        jcmd(portal, "JFR.start", "name=remembered", "settings=profile");
        long cpu0 = cpuMillis(portal.pid());
        int seconds = 30;
        int ok = rememberedLoop(portal, devices, clients, seconds);
        long cpu = cpuMillis(portal.pid()) - cpu0;
        Path recording = dir.resolve("remembered.jfr");
        jcmd(portal, "JFR.stop", "name=remembered", "filename=" + recording);
        summary.append(String.format(Locale.ROOT, "Remembered-device sign-ins, %d clients in a closed loop for %d s over %d"
                + " devices (after %d in a warm-up): %,d on /home (%.0f/s); the portal's CPU time %.2f ms a sign-in.%n%n",
                clients, seconds, devices.size(), warm, ok, ok / (double) seconds, cpu / (double) Math.max(1, ok)));
        summarise("Remembered-device sign-in (GET /home with only the device cookie)", recording, "http-thread-pool");
    }

    /**
     * Refused sign-ins, the storm's impatient kind (issue 21): every hash slot held and no queue (the test-only
     * {@code /dev/admission}), so that each POST of a real form by a client that is not a browser is answered 503 at
     * once. Each client GETs its form once, then posts it again and again, as an impatient client does. The whole
     * request's cost, the container's part included, and where it goes.
     */
    private void refusals(Portal portal, int clients) throws Exception {
        Browser control = new Browser(portal.base);
        if (control.postControl("/dev/admission", "slots=1&queue=0&hold=1") != 200) {
            summary.append("The admission's dev controls are off: refusals not profiled.\n\n");
            return;
        }
        try {
            refusalLoop(portal, clients, 10); // warm-up
            jcmd(portal, "JFR.start", "name=refusals", "settings=profile");
            long cpu0 = cpuMillis(portal.pid());
            int seconds = 30;
            long[] answers = refusalLoop(portal, clients, seconds);
            long cpu = cpuMillis(portal.pid()) - cpu0;
            Path recording = dir.resolve("refusals.jfr");
            jcmd(portal, "JFR.stop", "name=refusals", "filename=" + recording);
            summary.append(String.format(Locale.ROOT, "Refused sign-in POSTs (every slot held, no queue), %d clients"
                    + " that are not browsers re-posting their form at once for %d s: %,d answered 503 (%.0f/s), %,d other;"
                    + " the portal's CPU time %.3f ms a refusal (%.0f%% of two cores).%n%n", clients, seconds, answers[0],
                    answers[0] / (double) seconds, answers[1], cpu / (double) Math.max(1, answers[0]),
                    100.0 * cpu / (seconds * 2000.0)));
            summarise("Refused sign-in POST (503 to a client that is not a browser)", recording, "http-thread-pool");
        } finally {
            control.postControl("/dev/admission", "reset");
        }
    }

    /** Each client re-posts one filled-in form in a closed loop; returns {503s, other answers}. */
    private long[] refusalLoop(Portal portal, int clients, int seconds) throws Exception {
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        inParallel(clients, () -> {
            Browser client = new Browser(portal.base);
            String form = client.loginForm("u.bench" + (1 + next.getAndIncrement() % config.accounts), config.password);
            if (form == null) {
                other.incrementAndGet();
                return null;
            }
            while (System.nanoTime() < end) {
                (client.postLogin(form, false).statusCode() == 503 ? refused : other).incrementAndGet();
            }
            return null;
        });
        return new long[] {refused.get(), other.get()};
    }

    private int rememberedLoop(Portal portal, java.util.Queue<String> devices, int clients, int seconds) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        inParallel(clients, () -> {
            while (System.nanoTime() < end) {
                String device = devices.poll();
                if (device == null) {
                    Thread.sleep(5);
                    continue;
                }
                java.net.CookieManager jar = new java.net.CookieManager();
                java.net.HttpCookie cookie = new java.net.HttpCookie("ent_remember", device);
                cookie.setPath("/");
                cookie.setVersion(0);
                jar.getCookieStore().add(portal.base, cookie);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(jar)
                        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(portal.base.resolve("/home"))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("id=\"home-heading\"")) {
                    ok.incrementAndGet();
                }
                // the new cookie if the portal rotated it: the jar may hold the old one beside it (set by hand, without
                // the domain the answer's Set-Cookie carries), and replaying the old one revokes the device as stolen
                devices.add(jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ent_remember"))
                        .map(java.net.HttpCookie::getValue).filter(v -> !v.equals(device)).findFirst().orElse(device));
            }
            return null;
        });
        return ok.get();
    }

    /** Runs {@code clients} copies of {@code client} on their own threads and waits for all of them. */
    static void inParallel(int clients, java.util.concurrent.Callable<Void> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                all.add(pool.submit(client));
            }
            for (Future<Void> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------------ JFR

    /** Hot methods (self and inclusive) and the share of each library, of the execution samples of a recording. */
    private void summarise(String title, Path recording, String threadPrefix) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> portalEntry = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "" : String.valueOf(e.getThread("sampledThread").getJavaName());
            if (threadPrefix != null && !thread.startsWith(threadPrefix)) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(method(frames.get(0)), 1, Integer::sum);
            libraries.merge(library(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String entry = null;
            for (RecordedFrame f : frames) {
                String m = method(f);
                if (seen.add(m)) {
                    inclusive.merge(m, 1, Integer::sum);
                }
                if (m.startsWith("fr.ent.")) {
                    entry = m; // the outermost portal frame wins (frames go from the top of the stack down)
                }
            }
            portalEntry.merge(entry == null ? "(no portal frame)" : entry, 1, Integer::sum);
        }
        summary.append("## ").append(title).append("\n\n")
                .append(String.format(Locale.ROOT, "%,d execution samples%s (JFR `profile` settings, every 10 ms a running"
                        + " thread); recording `%s`.%n%n", samples, threadPrefix == null ? "" : " on the request threads",
                        recording.getFileName()));
        table("Where the samples' own frame is, by library (the first frame outside the JDK's plumbing)", libraries, samples, 20);
        table("Hot methods, self", self, samples, 25);
        table("Hot methods, inclusive (on the stack)", inclusive, samples, 60);
        table("Outermost portal frame on the stack", portalEntry, samples, 20);
    }

    private void table(String title, Map<String, Integer> counts, int total, int limit) {
        summary.append("### ").append(title).append("\n\n| share | samples | |\n|---:|---:|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> summary.append(String.format(Locale.ROOT, "| %.1f%% | %,d | `%s` |%n",
                        100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey())));
        summary.append('\n');
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The library of the sample: that of the top frame, unless it is JDK code called by a library (then the library). */
    private static String library(List<RecordedFrame> frames) {
        String first = null;
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            String lib = libraryOf(type);
            if (first == null) {
                first = lib;
            }
            if (!lib.equals("JDK other") && !lib.equals("JDK I/O")) {
                return lib;
            }
        }
        return first == null ? "?" : first;
    }

    private static String libraryOf(String type) {
        for (String[] l : LIBRARIES) {
            if (type.startsWith(l[0])) {
                return l[1];
            }
        }
        return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }

    // ------------------------------------------------------------------------------------------------------ heap

    /** Bytes and instances an open session adds, class by class, from two {@code GC.class_histogram}s. */
    private void heapDiff(Path beforeFile, Path afterFile, int sessions) throws IOException {
        Map<String, long[]> before = histogram(beforeFile);
        Map<String, long[]> after = histogram(afterFile);
        Map<String, long[]> diff = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            diff.put(e.getKey(), d);
            total += d[1];
        }
        for (Map.Entry<String, long[]> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                diff.put(e.getKey(), new long[] {-e.getValue()[0], -e.getValue()[1]});
                total -= e.getValue()[1];
            }
        }
        summary.append(String.format(Locale.ROOT, "## Heap an open session keeps%n%nLive heap (class histograms after a full"
                + " GC) grew by %,d bytes for %,d open sessions: **%,.0f bytes a session**. By class (bytes and instances a"
                + " session; `histogram-before.txt`, `histogram-after.txt`):%n%n| bytes/session | instances/session | class |%n"
                + "|---:|---:|---|%n", total, sessions, total / (double) sessions));
        diff.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> Math.abs(e.getValue()[1])).reversed())
                .limit(40).forEach(e -> summary.append(String.format(Locale.ROOT, "| %,.0f | %.2f | `%s` |%n",
                        e.getValue()[1] / (double) sessions, e.getValue()[0] / (double) sessions, e.getKey())));
        summary.append('\n');
    }

    /** class name → {instances, bytes}. */
    private static Map<String, long[]> histogram(Path file) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 4 && p[0].endsWith(":")) {
                long[] v = out.computeIfAbsent(p[3], k -> new long[2]); // summed over modules
                v[0] += Long.parseLong(p[1]);
                v[1] += Long.parseLong(p[2]);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------ process

    private static String jcmd(Portal portal, String... command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        c.add(String.valueOf(portal.pid()));
        c.addAll(List.of(command));
        return Procs.run(c, 300);
    }

    /** User + system CPU time of a process, in ms (/proc/PID/stat, clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
}
