package fr.ent.portal.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;

/**
 * The anti-forgery check of the public forms (issue 21, item 3), after {@link SameOriginFilter} and the admission
 * filter (declared in that order in web.xml): a GET of a page with such a form binds the browser ({@link FormTokens}
 * sets the short cookie if it has none); a POST to it goes on only with a valid token for that binding. A missing,
 * forged, expired or unbound token gets the stale-form page (400), is audited ({@code FORM_TOKEN_REJECTED}, with the
 * kind) and nothing is acted on. It needs no script: a plain HTML form post is checked the same way.
 */
public class FormGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The pages whose forms carry the token (WEB-INF/includes/form-guard.xhtml). */
    static final Set<String> GUARDED = Set.of("", "/", "/login", "/login.xhtml", "/first-connection",
            "/first-connection.xhtml", "/reset", "/reset.xhtml", "/help/password", "/help/password.xhtml",
            "/help/identifier", "/help/identifier.xhtml", "/second-factor", "/second-factor.xhtml");

    @Inject
    FormTokens tokens;

    @Inject
    Clients clients;

    @EJB
    AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!GUARDED.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            tokens.bind(request, response);
            chain.doFilter(request, response);
            return;
        }
        FormTokens.Status status = tokens.check(request);
        if (status != FormTokens.Status.VALID) {
            Client client = clients.of(request);
            audit.record(AuditEventType.FORM_TOKEN_REJECTED, null, null, client.ip(), client.userAgent(),
                    status.name().toLowerCase(Locale.ROOT) + " " + path);
            request.getRequestDispatcher("/error/stale-form").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
