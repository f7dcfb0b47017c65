package fr.ent.portal.view.home;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.families.boundary.HomePage;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.boundary.Tile;
import fr.ent.portal.incident.boundary.CurrentIncidents;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.CallerName;
import fr.ent.portal.view.KeptPage;
import fr.ent.portal.view.LanguageBacking;

/**
 * /home answered from a kept rendering (issue 21, item 6). What the page shows depends on few things: the
 * establishment shown and its tiles, whether the person may switch, whether children wait for confirmation, whether
 * the tiles are for children, the admin link, the language and the establishment's notices. Those make the key. The
 * two per-person texts (the identifier, the children's first names on the tiles) are rendered by Faces as marks
 * ({@link Marks}) and filled in for each request, escaped, with a fresh script nonce: a family signing in after
 * another of the same school gets the page without a view built. The boundary call ({@link HomeViews#prepare}) runs on
 * every request, so a person no longer linked never sees the tiles; a choice to make, a flash message or a query goes
 * to Faces as before. Last in web.xml, after the session checks.
 */
public class HomePageCache extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Renderings kept at most, the least recently used dropped first (a page is ~8 KB). */
    static final int MAX_ENTRIES = 500;
    /** Mojarra's flash cookie: a message to show once, never from the cache. */
    private static final String FLASH_COOKIE = "csfcfc";

    /** Where Faces writes the per-person texts while a rendering is made to be kept: random per node, never typed. */
    public record Marks(String caller, String forChildren) {
        public static final String ATTRIBUTE = "ent.home.marks";

        static Marks random() {
            SecureRandom random = new SecureRandom();
            byte[] a = new byte[16];
            byte[] b = new byte[16];
            random.nextBytes(a);
            random.nextBytes(b);
            return new Marks("caller" + HexFormat.of().formatHex(a), "children" + HexFormat.of().formatHex(b));
        }
    }

    @Inject
    HomeViews views;

    @Inject
    CurrentIncidents incidents;

    @Inject
    Settings settings;

    private final Marks marks = Marks.random();
    private final Map<String, KeptPage.Rendering> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KeptPage.Rendering> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });
    private boolean enabled = true;

    @Override
    public void init(jakarta.servlet.FilterConfig config) throws ServletException {
        super.init(config);
        enabled = settings.getBoolean(Setting.HOME_PAGE_CACHE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled || !"GET".equals(request.getMethod()) || request.getUserPrincipal() == null
                || request.getQueryString() != null || Clients.cookie(request, FLASH_COOKIE) != null) {
            chain.doFilter(request, response);
            return;
        }
        HomePage.View view = views.prepare(request);
        if (view.current() == null || view.choiceNeeded()) {
            chain.doFilter(request, response); // the notice "no establishment" or the redirect: Faces, as always
            return;
        }
        String caller = request.getUserPrincipal().getName();
        String forChildren = view.tiles().isEmpty() ? "" : view.tiles().get(0).getForChildren();
        String key = key(request, view, !forChildren.isEmpty());
        KeptPage.Rendering rendering = cache.get(key);
        if (rendering != null) {
            rendering.answer(response, List.of(KeptPage.newNonce(), KeptPage.escaped(caller), KeptPage.escaped(forChildren)));
            return;
        }
        request.setAttribute(Marks.ATTRIBUTE, marks);
        request.setAttribute(CallerName.MARK, marks.caller());
        KeptPage.Capture capture = new KeptPage.Capture(response);
        chain.doFilter(request, capture);
        request.removeAttribute(Marks.ATTRIBUTE);
        request.removeAttribute(CallerName.MARK);
        if (capture.sent()) {
            return;
        }
        String body = capture.body();
        String nonce = KeptPage.scriptNonce(capture);
        if (nonce == null || capture.contentType == null || !capture.cacheable()) { // not kept: the marks filled in
            response.getWriter().write(KeptPage.cut(body, List.of(marks.caller(), marks.forChildren()))
                    .fill(List.of(KeptPage.escaped(caller), KeptPage.escaped(forChildren))));
            return;
        }
        KeptPage.Rendering kept = KeptPage.Rendering.of(body, capture, nonce,
                List.of(nonce, marks.caller(), marks.forChildren()));
        cache.put(key, kept);
        response.getWriter().write(kept.page().fill(List.of(nonce, KeptPage.escaped(caller), KeptPage.escaped(forChildren))));
    }

    /** Everything but the two per-person texts that changes what /home shows. */
    String key(HttpServletRequest request, HomePage.View view, boolean forChildren) {
        LinkedEstablishment shown = view.current();
        StringBuilder key = new StringBuilder(256)
                .append(LanguageBacking.resolve(Clients.cookie(request, LanguageBacking.COOKIE),
                        request.getHeader("Accept-Language")).toLanguageTag())
                .append('\u0000').append(request.getRequestURI())
                .append('\u0000').append(request.isUserInRole("TEACHER") || request.isUserInRole("SCHOOL_ADMIN")
                        || request.isUserInRole("REGION_ADMIN"))
                .append('\u0000').append(view.linked().size() > 1)
                .append('\u0000').append(view.childrenToConfirm())
                .append('\u0000').append(forChildren)
                .append('\u0000').append(shown.getId()).append('\u0000').append(shown.getName())
                .append('\u0000').append(incidents.board().concerningAt(shown.getId(), incidents.now()).hashCode());
        for (Tile tile : view.tiles()) {
            key.append('\u0000').append(tile.getName()).append('\u0001').append(tile.getUrl())
                    .append('\u0001').append(tile.isSso());
        }
        return key.toString();
    }
}
