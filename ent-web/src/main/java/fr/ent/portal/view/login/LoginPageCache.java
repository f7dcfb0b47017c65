package fr.ent.portal.view.login;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import fr.ent.portal.incident.boundary.CurrentIncidents;
import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.FormTokens;
import fr.ent.portal.view.LanguageBacking;

/**
 * A near-static sign-in page (issue 21, item 2). {@code login.xhtml} stays the source: the first anonymous
 * {@code GET /login} of a language, a variant (just signed out or not) and a version of the incident notices is
 * rendered by Faces as always, and its answer kept with its two per-request values marked — PrimeFaces' script nonce
 * and the anti-forgery token. Later such GETs are answered from that rendering with a fresh nonce (same form as
 * PrimeFaces': Base64 of a random UUID, in the page and in the policy header) and a fresh token for the browser's
 * binding: no view built, no session, a few string copies. Anything else (a query, a flash cookie, a signed-in
 * caller, a non-200 answer) goes to Faces as before. In web.xml after the admission and form filters, before the
 * bound on anonymous page work ({@code EdgeLimitFilter}): a hit needs no permit, a miss (a Faces render) does.
 */
public class LoginPageCache extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Renderings kept at most (languages × variants × incident versions); all dropped when full. */
    static final int MAX_ENTRIES = 32;
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern TOKEN = Pattern.compile("name=\"" + FormTokens.PARAMETER + "\" value=\"([^\"]+)\"");
    /** Mojarra's flash cookie: a message to show once, never from the cache. */
    private static final String FLASH_COOKIE = "csfcfc";

    @Inject
    CurrentIncidents incidents;

    @Inject
    FormTokens tokens;

    @Inject
    fr.ent.portal.platform.config.Settings settings;

    private final Map<String, Rendering> cache = new ConcurrentHashMap<>();
    private boolean enabled = true;

    @Override
    public void init(jakarta.servlet.FilterConfig config) throws ServletException {
        super.init(config);
        enabled = settings.getBoolean(fr.ent.portal.platform.config.Setting.LOGIN_PAGE_CACHE);
    }

    /** A kept answer: the page's text cut at the nonce and token places, and the headers Faces set. */
    record Rendering(List<String> parts, List<Boolean> nonceAfter, List<String[]> headers, String contentType) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Rendering rendering = cache.get(key);
        if (rendering != null) {
            serve(rendering, request, response);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        String body = capture.body();
        if (!capture.sent()) {
            response.getWriter().write(body);
        }
        Rendering kept = capture.cacheable() ? template(body, capture) : null;
        if (kept != null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, kept);
        }
    }

    /** The rendering's key, or null when this request is not answered from a kept rendering. */
    String key(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod()) || request.getUserPrincipal() != null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"/login".equals(path) && !"/login.xhtml".equals(path)) {
            return null;
        }
        String query = request.getQueryString();
        if (query != null && !"signedOut=true".equals(query) || Clients.cookie(request, FLASH_COOKIE) != null) {
            return null;
        }
        String language = LanguageBacking.resolve(Clients.cookie(request, LanguageBacking.COOKIE),
                request.getHeader("Accept-Language")).toLanguageTag();
        return language + '|' + path + '|' + (query != null) + '|' + incidentVersion();
    }

    /** Changes whenever the notices /login shows change (posted, edited, started or ended). */
    int incidentVersion() {
        IncidentBoard board = incidents.board();
        java.time.Instant now = incidents.now();
        return Objects.hash(board.regionWideAt(now), board.establishmentsAffectedAt(now));
    }

    private void serve(Rendering rendering, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        String token = tokens.token(request);
        for (String[] header : rendering.headers()) {
            response.addHeader(header[0], header[1].replace(NONCE_MARK, nonce));
        }
        response.setContentType(rendering.contentType());
        StringBuilder page = new StringBuilder(8192);
        List<String> parts = rendering.parts();
        for (int i = 0; i < parts.size(); i++) {
            page.append(parts.get(i));
            if (i < parts.size() - 1) {
                page.append(rendering.nonceAfter().get(i) ? nonce : token);
            }
        }
        response.getWriter().write(page.toString());
    }

    static final String NONCE_MARK = "\u0000nonce\u0000";

    /** The page cut at each occurrence of the nonce and of the token; null when either is missing. */
    static Rendering template(String body, Capture capture) {
        String nonce = null;
        List<String[]> headers = new ArrayList<>();
        for (String[] header : capture.headers) {
            Matcher m = NONCE.matcher(header[1]);
            if (m.find()) {
                nonce = m.group(1);
            }
        }
        Matcher t = TOKEN.matcher(body);
        if (nonce == null || !t.find() || capture.contentType == null) {
            return null;
        }
        String token = t.group(1);
        for (String[] header : capture.headers) {
            if (!"Set-Cookie".equalsIgnoreCase(header[0])) {
                headers.add(new String[] {header[0], header[1].replace(nonce, NONCE_MARK)});
            }
        }
        List<String> parts = new ArrayList<>();
        List<Boolean> nonceAfter = new ArrayList<>();
        int from = 0;
        while (true) {
            int n = body.indexOf(nonce, from);
            int k = body.indexOf(token, from);
            if (n < 0 && k < 0) {
                break;
            }
            boolean isNonce = n >= 0 && (k < 0 || n < k);
            int at = isNonce ? n : k;
            parts.add(body.substring(from, at));
            nonceAfter.add(isNonce);
            from = at + (isNonce ? nonce : token).length();
        }
        parts.add(body.substring(from));
        return new Rendering(List.copyOf(parts), List.copyOf(nonceAfter), List.copyOf(headers), capture.contentType);
    }

    /** Collects what Faces writes and the headers it sets (passing the headers on to the real answer). */
    static final class Capture extends HttpServletResponseWrapper {

        final List<String[]> headers = new ArrayList<>();
        private final StringWriter text = new StringWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;
        private int status = SC_OK;
        private boolean redirected;
        private boolean errorSent;
        String contentType;

        Capture(HttpServletResponse response) {
            super(response);
        }

        /** Whether an error or a redirect was already sent on the real answer. */
        boolean sent() {
            return redirected || errorSent;
        }

        boolean cacheable() {
            return status == SC_OK && !redirected && bytes.size() == 0;
        }

        String body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.size() > 0 ? bytes.toString(StandardCharsets.UTF_8) : text.toString();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            super.addHeader(name, value);
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
            super.setContentType(type);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            errorSent = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            errorSent = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            redirected = true;
            super.sendRedirect(location);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(text);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        // written synchronously
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // kept until the filter writes it
        }

        @Override
        public void resetBuffer() {
            text.getBuffer().setLength(0);
            bytes.reset();
        }
    }
}
