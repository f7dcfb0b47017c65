package fr.ent.portal.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The hostile corpus of issue 10 (the file ent-domain's property tests read too), how each value travels (UTF-8
 * percent-encoded, or raw bytes that are not UTF-8), what an answer to it must never show, and the tally of what was
 * sent and answered. Used by {@link HostileInputIT}.
 */
final class Hostile {

    static final Path CORPUS = Path.of("..", "ent-domain", "src", "test", "resources", "hostile", "corpus.properties");

    /** A Java class name ending in Exception or Error, or a stack frame: nothing of the kind belongs in a page. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|fr|sun)\\.[a-z0-9_]+(?:\\.[A-Za-z0-9_$]+)*(?:Exception|Error)\\b"
                    + "|\\n\\s*at [a-z][\\w$]*(?:\\.[\\w$]+)+\\(|Caused by:|\\bStackTrace\\b");
    /** What a file read through path traversal or an XML entity would show. */
    private static final List<String> LEAKED_FILES = List.of("root:x:0:0", "<web-app", "[fonts]", "for 16-bit app support");

    private Hostile() {
    }

    /** One corpus value. {@code bytes}: each character is one raw byte (broken UTF-8 on purpose). */
    record Value(String key, String text, boolean bytes) {

        String category() {
            return key.substring(0, key.indexOf('.'));
        }

        byte[] raw() {
            return bytes ? text.getBytes(ISO_8859_1) : text.getBytes(UTF_8);
        }

        /** For a URL: every byte outside the unreserved set percent-encoded ({@code %C3%28}, {@code %FF}). */
        String inUrl() {
            StringBuilder out = new StringBuilder();
            for (byte b : raw()) {
                int c = b & 0xFF;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format("%02X", c));
                }
            }
            return out.toString();
        }

        /** For a form body: raw bytes above 0x7F sent as they are, ASCII percent-encoded as a browser would. */
        byte[] inForm() {
            if (!bytes) {
                return URLEncoder.encode(text, UTF_8).getBytes(ISO_8859_1);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte b : raw()) {
                int c = b & 0xFF;
                if (c >= 0x80) {
                    out.write(c);
                } else {
                    out.writeBytes(URLEncoder.encode(String.valueOf((char) c), UTF_8).getBytes(ISO_8859_1));
                }
            }
            return out.toByteArray();
        }

        /** The live markup this value would leave in a page if it were reflected without escaping (or evaluated). */
        List<String> mustNotAppear() {
            List<String> live = new ArrayList<>();
            int marker = text.indexOf("hx");
            if (marker > 0) {
                int tag = text.lastIndexOf('<', marker);
                String id = text.substring(marker, Math.min(text.length(), marker + 4)).replaceAll("[^a-z0-9]", "");
                if (tag >= 0 && !text.startsWith("&lt;")) {
                    live.add(text.substring(tag, marker + id.length()));
                }
                if (text.startsWith("javascript:")) {
                    live.add("href=\"" + text);
                    live.add("src=\"" + text);
                }
                if (text.contains("${7*7}")) {
                    live.add("49" + id);
                }
                if (text.startsWith("&lt;")) {
                    live.add("<script>alert('" + id);
                }
            }
            return live;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    static List<Value> corpus() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(CORPUS, ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Value> values = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String text = properties.getProperty(key);
            int times = key.lastIndexOf(".x");
            if (times > 0 && key.substring(times + 2).chars().allMatch(Character::isDigit)) {
                text = text.repeat(Integer.parseInt(key.substring(times + 2)));
            }
            values.add(new Value(key, text, key.contains(".bytes")));
        }
        return values;
    }

    /** An answer read as UTF-8 text (the pages are UTF-8; a broken byte shows as U+FFFD). */
    record Answer(int status, HttpHeaders headers, String body) {
        String location() {
            return headers.firstValue("Location").orElse("");
        }
    }

    /** A browser-like client: its own cookies, no redirect followed, a distinct client address per request. */
    static final class Session {

        private static final AtomicInteger ADDRESSES = new AtomicInteger();
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        final String who;

        Session(String who) {
            this.who = who;
        }

        /** Signs in with the login form (identifier and password of a demo account whose password nobody changes). */
        static Session signedIn(String identifier, String password) {
            Session session = new Session(identifier);
            String page = session.get("/login").body();
            Answer answer = session.post("/login", "application/x-www-form-urlencoded",
                    form(Http.loginForm(page, identifier, password)));
            if (answer.status() != 302) {
                throw new IllegalStateException(identifier + " could not sign in: " + answer.status());
            }
            return session;
        }

        void cookie(String name, String value) {
            java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(Portal.base(), cookie);
        }

        void forget(String name) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                    .forEach(c -> cookies.getCookieStore().remove(Portal.base(), c));
        }

        Answer get(String pathAndQuery, String... headers) {
            return send(request(pathAndQuery, headers).GET());
        }

        Answer post(String pathAndQuery, String contentType, byte[] body, String... headers) {
            return send(request(pathAndQuery, headers).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private static HttpRequest.Builder request(String pathAndQuery, String... headers) {
            int n = ADDRESSES.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Portal.base() + pathAndQuery.substring(1)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "text/html,application/xhtml+xml")
                    .header("X-Forwarded-For", "198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return request;
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(answer.statusCode(), answer.headers(), new String(answer.body(), UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A form body from fields sent as they are typed (UTF-8). */
    static byte[] form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(value, UTF_8)));
        return String.join("&", pairs).getBytes(ISO_8859_1);
    }

    /** What was sent and answered, for docs/SECURITY.md (ent-web/target/security-hostile.txt). */
    static final class Tally {
        final Map<String, Integer> byStatus = new TreeMap<>();
        final Map<String, Integer> byCategory = new TreeMap<>();
        final Map<String, Integer> bySurface = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        int inputs;
        int requests;

        /** Checks one answer to a request that carried {@code value} (null: a plain request) and counts it. */
        void check(String surface, String what, Value value, Answer answer) {
            requests++;
            byStatus.merge(String.valueOf(answer.status()), 1, Integer::sum);
            if (value != null) {
                inputs++;
                byCategory.merge(value.category(), 1, Integer::sum);
                bySurface.merge(surface, 1, Integer::sum);
            }
            String where = what + (value == null ? "" : " with " + value.key());
            boolean plannedBusy = answer.status() == 503 && answer.headers().firstValue("Retry-After").isPresent();
            if (answer.status() >= 500 && !plannedBusy) {
                problem(where + ": status " + answer.status());
            }
            java.util.regex.Matcher trace = STACK_TRACE.matcher(answer.body());
            while (trace.find()) {
                char before = trace.start() > 0 ? answer.body().charAt(trace.start() - 1) : ' ';
                boolean configured = (before == '\'' || before == '"') && trace.end() < answer.body().length()
                        && answer.body().charAt(trace.end()) == before; // PrimeFaces' errorPages setting, from web.xml
                if (!configured) {
                    problem(where + ": the answer names an exception or a stack frame: " + trace.group());
                    break;
                }
            }
            for (String leaked : LEAKED_FILES) {
                if (answer.body().contains(leaked)) {
                    problem(where + ": the answer shows a server file (" + leaked + ")");
                }
            }
            if (value != null) {
                for (String live : value.mustNotAppear()) {
                    if (answer.body().contains(live)) {
                        problem(where + ": reflected unescaped: " + live);
                    }
                }
            }
            answer.headers().map().forEach((name, values) -> {
                if (name.equalsIgnoreCase("X-Hostile") || values.stream().anyMatch(v -> v.contains("hostile=1"))) {
                    problem(where + ": a header was injected: " + name + ": " + values);
                }
            });
            String location = answer.location();
            if (value != null && !location.isEmpty() && !(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"))
                    && !location.startsWith(Portal.base().toString())) {
                problem(where + ": redirected away from the portal: " + location);
            }
        }

        void problem(String text) {
            if (problems.size() < 200) {
                problems.add(text);
            }
        }
    }
}
