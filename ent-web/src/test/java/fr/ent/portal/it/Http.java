package fr.ent.portal.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for black-box tests: no redirects followed, its own cookie jar. */
public final class Http {

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();

    public Http() {
        client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Puts a cookie in this client's jar (a browser reopened with only that cookie left). */
    public Http withCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(Portal.base(), cookie);
        return this;
    }

    /** The value of a cookie in this client's jar, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /**
     * GET, then the portal's own 303s (at most three), as a browser does: a mailed link's token is exchanged for a
     * cookie of its page and the page answered without it (issue 20, item 8).
     */
    public HttpResponse<String> follow(String path, String... headers) {
        HttpResponse<String> answer = get(path, headers);
        for (int i = 0; i < 3 && answer.statusCode() == 303; i++) {
            URI next = Portal.base().resolve(answer.headers().firstValue("Location").orElseThrow());
            if (!Portal.base().getRawAuthority().equals(next.getRawAuthority())) {
                break;
            }
            answer = get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()), headers);
        }
        return answer;
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Posts a form (application/x-www-form-urlencoded, UTF-8), with extra headers as name/value pairs. */
    public HttpResponse<String> post(String path, java.util.Map<String, String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts a raw body of {@code contentType} (a multipart upload built by hand). */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts a form whose fields may repeat (a group of checkboxes), as name/value pairs in order. */
    public HttpResponse<String> postPairs(String path, java.util.List<java.util.Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        for (java.util.Map.Entry<String, String> field : fields) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** The login form's hidden fields (view state of the stateless view) plus the typed identifier and secret. */
    public static java.util.Map<String, String> loginForm(String loginPage, String identifier, String secret) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(loginPage);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(loginPage);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1)); // what PrimeFaces' script adds to a submitted form
        }
        fields.put("identifier", identifier);
        fields.put("password", secret);
        fields.put("submit", "");
        return fields;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
