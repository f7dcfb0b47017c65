package fr.ent.portal.view.login;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.incident.boundary.CurrentIncidents;
import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.FormTokens;
import fr.ent.portal.view.KeptPage;
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
    private static final Pattern TOKEN = Pattern.compile("name=\"" + FormTokens.PARAMETER + "\" value=\"([^\"]+)\"");
    /** Mojarra's flash cookie: a message to show once, never from the cache. */
    private static final String FLASH_COOKIE = "csfcfc";

    @Inject
    CurrentIncidents incidents;

    @Inject
    FormTokens tokens;

    @Inject
    fr.ent.portal.platform.config.Settings settings;

    private final Map<String, KeptPage.Rendering> cache = new ConcurrentHashMap<>();
    private boolean enabled = true;

    @Override
    public void init(jakarta.servlet.FilterConfig config) throws ServletException {
        super.init(config);
        enabled = settings.getBoolean(fr.ent.portal.platform.config.Setting.LOGIN_PAGE_CACHE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        KeptPage.Rendering rendering = cache.get(key);
        if (rendering != null) {
            serve(rendering, request, response);
            return;
        }
        KeptPage.Capture capture = new KeptPage.Capture(response);
        chain.doFilter(request, capture);
        String body = capture.body();
        if (!capture.sent()) {
            response.getWriter().write(body);
        }
        KeptPage.Rendering kept = capture.cacheable() ? template(body, capture) : null;
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

    private void serve(KeptPage.Rendering rendering, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        rendering.answer(response, List.of(KeptPage.newNonce(), tokens.token(request)));
    }

    /** The page cut at each occurrence of the nonce and of the token; null when either is missing. */
    static KeptPage.Rendering template(String body, KeptPage.Capture capture) {
        String nonce = KeptPage.scriptNonce(capture);
        Matcher t = TOKEN.matcher(body);
        if (nonce == null || !t.find() || capture.contentType == null) {
            return null;
        }
        return KeptPage.Rendering.of(body, capture, nonce, List.of(nonce, t.group(1)));
    }
}
