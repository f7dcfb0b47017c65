package fr.ent.portal.sso;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.Client;
import fr.ent.portal.security.Clients;
import fr.ent.portal.sso.boundary.CasServer;
import fr.ent.portal.sso.control.CasAnswer;
import fr.ent.portal.sso.control.CasXml;

/**
 * The validation endpoints the services call (CAS protocol 3.0, sections 2.5 to 2.8): {@code /cas/serviceValidate}
 * and {@code /cas/proxyValidate} answer the CAS 2.0 XML, {@code /cas/p3/…} add the attributes block;
 * {@code /cas/proxy} is refused (no service may proxy). Always 200 with an XML body, or JSON with {@code format=JSON}
 * (section 2.5.1); another format is an {@code INVALID_REQUEST} that leaves the ticket untouched. A failure of the
 * portal itself answers {@code INTERNAL_ERROR}.
 */
@WebServlet(urlPatterns = {"/cas/serviceValidate", "/cas/proxyValidate", "/cas/p3/serviceValidate",
        "/cas/p3/proxyValidate", "/cas/proxy"})
public class CasValidateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CasValidateServlet.class.getName());

    @EJB
    CasServer cas;

    @Inject
    Clients clients;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Client client = clients.of(request);
        String path = request.getServletPath();
        boolean proxy = "/cas/proxy".equals(path);
        // format=XML (default) or JSON (CAS 3.0 section 2.5); any other value is refused before the ticket is touched
        Optional<CasAnswer.Format> asked = proxy ? Optional.of(CasAnswer.Format.XML)
                : CasAnswer.Format.of(request.getParameter("format"));
        CasAnswer.Format format = asked.orElse(CasAnswer.Format.XML);
        String body;
        try {
            if (proxy) {
                body = cas.refuseProxy(client);
            } else if (asked.isEmpty()) {
                body = CasAnswer.failure(CasXml.INVALID_REQUEST, "Unsupported format").write(format);
            } else {
                String renew = request.getParameter("renew");
                String pgtUrl = request.getParameter("pgtUrl");
                body = cas.validate(request.getParameter("ticket"), request.getParameter("service"),
                        renew != null && !"false".equalsIgnoreCase(renew.strip()), path.startsWith("/cas/p3/"),
                        pgtUrl != null && !pgtUrl.isBlank(), client).write(format);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CAS validation failed", e);
            body = CasAnswer.failure(CasXml.INTERNAL_ERROR, "The portal could not answer; try again").write(format);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType((format == CasAnswer.Format.JSON ? "application/json" : "application/xml")
                + ";charset=UTF-8");
        response.getWriter().write(body);
    }
}
