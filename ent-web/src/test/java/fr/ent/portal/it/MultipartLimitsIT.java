package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, item 8: the multipart limits of the Faces servlet ({@code multipart-config} in web.xml: a file of at most
 * 16 MiB, a request of at most 16.5 MiB) are the container's, applied while it reads the request: a body above them
 * is refused before any page parses it, whoever sends it; the portal's own, smaller limit of the import
 * ({@code ent.import.max-bytes}, 8 MiB, a message on the page) never sees it. Changes no account and writes nothing
 * (the region only previews, into no establishment).
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 35)
class MultipartLimitsIT {

    /** Above the request limit (17,301,504 bytes). */
    static final int OVER = 17 * 1024 * 1024 + 1;
    static final String BOUNDARY = "----entportal-limits";

    @Test
    void anAnonymousMultipartBodyAboveTheLimitIsRefusedAndThePortalGoesOn() {
        byte[] body = multipart("identifier", "x".repeat(16), OVER);
        String refusal = refusal(new Http(), "/login", "multipart/form-data; boundary=" + BOUNDARY, body,
                "X-Forwarded-For", "198.51.100.231");
        // Issue 21: the authentication mechanism, which runs before any filter or page, refuses a body longer than
        // its address takes (InputLimits) before anything reads it; before, reading /login's parameters there met the
        // container's multipart limit and the answer was a bare 500.
        assertTrue(refusal.startsWith("closed") || refusal.startsWith("413 ") || refusal.startsWith("415 "),
                "refused before it is read: " + refusal);
        assertEquals(200, new Http().get("/login").statusCode(), "the portal goes on");
    }

    @Test
    void aBodyTooLargeForItsAddressGetsA413PageBeforeItIsSent() throws Exception {
        // Expect: 100-continue: the client sends the headers and waits; the portal answers from the length alone,
        // so the answer is certain (no race with the body being written) and the body never crosses the network.
        byte[] body = multipart("identifier", "x".repeat(16), OVER);
        java.net.http.HttpClient http11 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> answer = http11.send(
                java.net.http.HttpRequest.newBuilder(Portal.url("/login")).timeout(java.time.Duration.ofSeconds(60))
                        .expectContinue(true).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .header("Accept", "text/html").header("Accept-Language", "fr")
                        .header("X-Forwarded-For", "198.51.100.233")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("trop volumineux"), "a page in the person's language: " + answer.body());
        assertFalse(answer.body().contains("Exception"), "no stack trace");
        // a form post just over the form limit, anywhere else than the import's upload: the same answer
        java.net.http.HttpResponse<String> form = http11.send(
                java.net.http.HttpRequest.newBuilder(Portal.url("/help/password")).timeout(java.time.Duration.ofSeconds(60))
                        .expectContinue(true).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", "198.51.100.233")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(2 * 1024 * 1024))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, form.statusCode());
        // multipart where no file is taken, its length unknown (HTTP/2 after the client's h2c upgrade): refused the same
        java.net.http.HttpResponse<String> h2 = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(Portal.url("/login")).timeout(java.time.Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept-Language", "fr")
                        .header("X-Forwarded-For", "198.51.100.233")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart("identifier", "x", 1000))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, h2.statusCode(), h2.body());
        assertTrue(h2.body().contains("ne reçoit pas de fichier"), h2.body());
        assertEquals(200, new Http().get("/login").statusCode(), "the portal goes on");
    }

    @Test
    void anUploadAboveTheServletLimitIsRefusedByTheContainerBeforeThePageReadsIt() {
        Http region = AdminRegionIT.signedIn("r.admin1", AdminRegionIT.REGION_PASSWORD, "198.51.100.232");
        String targets = region.get("/admin/import").body();
        Matcher toulouse = Pattern.compile("/admin/import\\?establishment=(\\d+)\">[^<]*0312289V").matcher(targets);
        assertTrue(toulouse.find(), targets);
        String page = "/admin/import?establishment=" + toulouse.group(1);
        String form = region.get(page).body();
        Element upload = Jsoup.parse(form, Portal.base().toString()).getElementById("upload");
        assertTrue(upload != null, "the upload form");
        HostileInputIT.Form post = HostileInputIT.multipartForm(form, upload, form);
        byte[] file = new byte[OVER];
        Arrays.fill(file, (byte) 'x');
        String refusal = refusal(region, post.action, post.multipartType(),
                post.multipart(upload.selectFirst("input[type=file]").attr("name"), "registre.csv", file));
        assertTrue(refusal.startsWith("closed") || refusal.startsWith("4"),
                "the container refuses the body, not the page's own size check (200 with its message): " + refusal);
        assertEquals(200, region.get(page).statusCode(), "the session and the page go on");
    }

    /**
     * Posts the body: "closed" when the container stopped reading it and closed the connection, else the status and
     * the beginning of the answer. Whichever it is, it must come within the client's timeout, without a stack trace.
     */
    private static String refusal(Http http, String path, String type, byte[] body, String... headers) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = http.postBytes(path, type, body, headers);
            assertFalse(answer.body().contains("Exception"), "no stack trace");
            return answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length()));
        } catch (IllegalStateException closed) {
            assertTrue(closed.getCause() instanceof java.io.IOException
                    && !(closed.getCause() instanceof java.net.http.HttpTimeoutException), "closed, not timed out: " + closed);
            return "closed after " + (System.nanoTime() - started) / 1_000_000 + " ms (" + closed.getCause() + ")";
        }
    }

    private static byte[] multipart(String field, String value, int size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'y');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }
}
