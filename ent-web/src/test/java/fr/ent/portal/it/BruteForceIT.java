package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.ent.portal.it.AdminLettersIT.Web;

/**
 * Brute force and enumeration (issue 10, item 3), black-box. c.lambert1 (a Toulouse pupil no other class uses) is
 * activated through the region's letters and signs in once from its own browser (the signed {@code ent_device}
 * cookie). Then {@link #GUESSES} wrong passwords are sent from one forwarded address, and as many again each from its
 * own forwarded address (the test portal believes {@code X-Forwarded-For} from loopback); between the two the region
 * lifts the hold. The portal's metrics ({@code ent_password_hash_seconds_count}, {@code ent_signin_total{outcome}})
 * tell how many guesses reached a password hash: no more than the hold's threshold (each guess is counted before its
 * hash, issue 20), plus one per hold that ran out during the run; none succeeded; the owner still signs in from the known browser while a stranger with the right
 * password is held back. Figures: {@code target/security-bruteforce.txt}. The count is
 * {@code -Ddrill.brute-force.guesses} (2,000 in {@code mvn verify}; 10,000 in the drills).
 * Then the enumeration comparison of the forms that take an identifier, beyond those of {@link HelpIT}.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 33)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BruteForceIT {

    static final String OWNER = "c.lambert1";
    static final String PASSWORD = "Lanterne#Verte2026";
    static final String OWNER_IP = "198.51.100.170";
    static final int GUESSES = Integer.getInteger("drill.brute-force.guesses", 2_000);
    static final int THREADS = 8;
    /** ent.signin.lock.threshold of the test portal (the default). */
    static final int THRESHOLD = 5;
    static final String WRONG = "Identifiant ou mot de passe incorrect.";

    static final StringBuilder REPORT = new StringBuilder();

    @Test
    @Order(1)
    void guessesFromOneAddressAndFromManyReachAHandfulOfHashesAndTheOwnerStillSignsIn() throws Exception {
        OwnAccount.activate(OWNER, PASSWORD, null, OWNER_IP);
        Http owner = new Http();
        assertEquals(302, OwnAccount.signIn(owner, OWNER, PASSWORD, OWNER_IP).statusCode(), "the owner signs in");
        String device = owner.cookie("ent_device");
        assertTrue(device != null && !device.isEmpty(), "the owner's browser is known");
        String accountId = OwnAccount.id(OWNER, "198.51.100.171");

        REPORT.append(String.format(Locale.ROOT, "%d guesses per mode against %s, %d client threads, %s%n", GUESSES,
                OWNER, THREADS, java.time.Instant.now()));
        attack("one address", i -> "203.0.113.66", device);
        unlock(accountId);
        attack("many addresses", i -> "10." + (200 + i / 62_500) + "." + (i / 250 % 250) + "." + (i % 250 + 1), device);
        unlock(accountId);
        Files.writeString(Path.of("target", "security-bruteforce.txt"), REPORT.toString());
        System.out.println(REPORT);
    }

    /** One mode of the attack: guesses, then the figures, the owner's sign-in and a stranger's. */
    private static void attack(String mode, java.util.function.IntFunction<String> address, String device)
            throws Exception {
        Map<String, Double> before = metrics();
        long start = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = guess(address);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> after = metrics();
        long hashes = Math.round(after.getOrDefault("hash", 0.0) - before.getOrDefault("hash", 0.0));
        long refused = delta(before, after, "refused") + delta(before, after, "busy");
        long succeeded = delta(before, after, "signed_in") + delta(before, after, "first_connection");

        HttpResponse<String> stranger = OwnAccount.signIn(new Http(), OWNER, PASSWORD, "198.51.100.172");
        HttpResponse<String> known = OwnAccount.signIn(new Http().withCookie("ent_device", device), OWNER, PASSWORD,
                OWNER_IP);
        REPORT.append(String.format(Locale.ROOT,
                "%s: %d guesses in %.1f s (%.1f s per 1,000), answers %s, reached a hash %d, refused %d, succeeded %d; "
                        + "the owner's known browser: %d, a stranger with the right password: %d%n",
                mode, GUESSES, seconds, seconds * 1000 / GUESSES, statuses, hashes, refused, succeeded,
                known.statusCode(), stranger.statusCode()));
        // issue 20: a guess is counted before its hash, in one step with the hold check: the threshold's guesses hash,
        // then one more each time a hold runs out (it starts the next hold), whatever the client threads
        long bound = THRESHOLD + holdsEnded(seconds);
        assertTrue(hashes <= bound, mode + ": at most " + bound + " guesses reach a hash " + REPORT);
        assertEquals(GUESSES, statuses.getOrDefault(200, new AtomicInteger()).get(), mode + ": every guess refused " + REPORT);
        assertEquals(0, succeeded, mode + ": no guess succeeded " + REPORT);
        assertEquals(GUESSES, refused, mode + ": each guess counted refused " + REPORT);
        assertEquals(200, stranger.statusCode(), mode + ": a stranger is held back even with the right password");
        assertTrue(stranger.body().contains(WRONG), "with the usual words");
        assertEquals(302, known.statusCode(), mode + ": the owner signs in from the known browser " + REPORT);
    }

    /** How many holds (1, 5, then 15 minutes each: the portal's defaults) end within a run of {@code seconds}. */
    static int holdsEnded(double seconds) {
        int ended = 0;
        double end = 0;
        for (int minutes : new int[] {1, 5, 15, 15, 15, 15}) {
            end += minutes * 60;
            if (end < seconds) {
                ended++;
            }
        }
        return ended;
    }

    /** Sends the guesses on {@link #THREADS} threads; how many answers of each status. */
    private static Map<Integer, AtomicInteger> guess(java.util.function.IntFunction<String> address) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Http page = new Http();
        Map<String, String> form = Http.loginForm(page.get("/login").body(), OWNER, "");
        String binding = "ent_form=" + page.cookie("ent_form"); // the form's token is bound to it (issue 21)
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    Map<String, String> fields = new HashMap<>(form);
                    fields.put("password", "Guess#" + n + "-" + Integer.toHexString(n * 7919));
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(Portal.url("/login"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("X-Forwarded-For", address.apply(n))
                            .header("Cookie", binding)
                            .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    int status = answer.statusCode() == 200 && !answer.body().contains(WRONG) ? -200 : answer.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } finally {
            pool.shutdown();
        }
        return statuses;
    }

    /** The region lifts the identifier's hold (the admin's unlock), so that the next mode starts afresh. */
    private static void unlock(String accountId) {
        Web region = Web.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "198.51.100.173");
        String path = "/admin/account?id=" + accountId;
        HttpResponse<String> page = region.get(path);
        HttpResponse<String> unlocked = region.postForm(path, Web.form(page.body(), "unlock", "unlock:submit"));
        assertEquals(302, unlocked.statusCode(), unlocked.body());
    }

    /** The hash count ("hash") and the sign-in counters by outcome, from the application's metrics. */
    static Map<String, Double> metrics() {
        String text = new Http().get("/metrics?scope=application").body();
        Map<String, Double> values = new HashMap<>();
        Matcher hash = Pattern.compile("(?m)^ent_password_hash_seconds_count\\{[^}]*\\}\\s+(\\S+)").matcher(text);
        if (hash.find()) {
            values.put("hash", Double.parseDouble(hash.group(1)));
        }
        Matcher signIn = Pattern.compile("(?m)^ent_signin_total\\{[^}]*outcome=\"([a-z_]+)\"[^}]*\\}\\s+(\\S+)").matcher(text);
        while (signIn.find()) {
            values.put(signIn.group(1), Double.parseDouble(signIn.group(2)));
        }
        assertTrue(values.containsKey("hash"), "the hash timer in the metrics: " + text);
        return values;
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String outcome) {
        return Math.round(after.getOrDefault(outcome, 0.0) - before.getOrDefault(outcome, 0.0));
    }

    private static String encoded(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /**
     * The enumeration comparison on the forms that take an identifier, beyond {@link HelpIT}'s four: a code-shaped
     * secret on /login, an account that has no secret yet on /login, and a pupil with a verified email on
     * /help/password (a reset link, at most 3 an hour, against nothing). Same status and body, medians within the bound.
     */
    @Test
    @Order(2)
    void existingAndUnknownIdentifiersLookTheSameOnTheOtherForms() throws Exception {
        StringBuilder report = new StringBuilder();
        HelpIT.compare(report, "/login (code-shaped secret)", "/login", "identifier", OWNER, "c.lambertt1", 31,
                HelpIT.MEDIAN_BOUND_MILLIS, Map.of("password", "ABCD-EFGH-JKMN"));
        HelpIT.compare(report, "/login (account without a secret yet)", "/login", "identifier", "j.mercier1",
                "j.merciere1", 32, HelpIT.MEDIAN_BOUND_MILLIS, Map.of());
        HelpIT.compare(report, "/help/password (pupil with a verified email)", "/help/password",
                "forgottenPassword:typed", SessionSecurityIT.PUPIL, "a.rousseauu1", 33, HelpIT.MEDIAN_BOUND_MILLIS, Map.of());
        Files.writeString(Path.of("target", "security-enumeration.txt"), report.toString());
        System.out.println(report);
    }
}
