package fr.ent.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One new browser (its own cookie jar) signing in to the portal with java.net.http: probes and sanity checks. */
final class Browser {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    /** The public forms' anti-forgery token (issue 21: a hidden field bound to the ent_form cookie, which the jar keeps). */
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"ent_form_token\" value=\"([^\"]*)\"");

    /** What a sign-in gave: where it ended, whether it went through the waiting room, the remembered cookie. */
    record Outcome(int status, String path, boolean home, boolean waitingRoom, String rememberCookie, long millis) {
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    Browser(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Outcome signIn(String identifier, String password, boolean remember) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> page = get("/login");
        if (page.statusCode() != 200 || page.uri().getPath().contains("waiting-room")) {
            return outcome(page, t0);
        }
        String body = filledIn(page.body(), identifier, password, remember);
        if (body == null) {
            return new Outcome(page.statusCode(), page.uri().getPath(), false, false, null, millis(t0));
        }
        return outcome(postLogin(body, true), t0);
    }

    /** GET /login (the jar keeps its cookies) and the form filled in as a POST body; null when no form came. */
    String loginForm(String identifier, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        return page.statusCode() == 200 ? filledIn(page.body(), identifier, password, false) : null;
    }

    /** POSTs a sign-in form body, as a browser ({@code Accept: text/html}) or as a script (no Accept). */
    HttpResponse<String> postLogin(String body, boolean browser) throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (browser) {
            post.header("Accept", "text/html");
        }
        return client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST (the passkeys' exchanges), as the page's script sends it. */
    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST to a test-only control ({@code /dev/…}); returns the status. */
    int postControl(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String filledIn(String page, String identifier, String password, boolean remember) {
        Matcher vs = VIEW_STATE.matcher(page);
        Matcher nonce = NONCE.matcher(page);
        Matcher token = FORM_TOKEN.matcher(page);
        if (!vs.find() || !nonce.find() || !token.find()) {
            return null;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("identifier", identifier);
        form.put("password", password);
        form.put("submit", "");
        form.put("jakarta.faces.ViewState", vs.group(1));
        form.put("primefaces.nonce", nonce.group(1));
        form.put("ent_form_token", token.group(1));
        if (remember) {
            form.put("remember", "on");
        }
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Outcome outcome(HttpResponse<String> r, long t0) {
        String remember = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ent_remember"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
        String path = r.uri().getPath();
        return new Outcome(r.statusCode(), path, r.statusCode() == 200 && path.endsWith("/home")
                && r.body().contains("id=\"home-heading\""), path.contains("waiting-room"), remember, millis(t0));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
