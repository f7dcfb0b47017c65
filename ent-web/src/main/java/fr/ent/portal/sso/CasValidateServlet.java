package fr.ent.portal.sso;

import java.io.IOException;
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
import fr.ent.portal.sso.control.CasXml;

/**
 * The validation endpoints the services call (CAS protocol 3.0, sections 2.5 to 2.8): {@code /cas/serviceValidate}
 * and {@code /cas/proxyValidate} answer the CAS 2.0 XML, {@code /cas/p3/…} add the attributes block;
 * {@code /cas/proxy} is refused (no service may proxy). Always 200 with an XML body; a failure of the portal itself
 * answers {@code INTERNAL_ERROR}.
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
        String xml;
        try {
            if ("/cas/proxy".equals(path)) {
                xml = cas.refuseProxy(client);
            } else {
                String renew = request.getParameter("renew");
                String pgtUrl = request.getParameter("pgtUrl");
                xml = cas.validate(request.getParameter("ticket"), request.getParameter("service"),
                        renew != null && !"false".equalsIgnoreCase(renew.strip()), path.startsWith("/cas/p3/"),
                        pgtUrl != null && !pgtUrl.isBlank(), client);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CAS validation failed", e);
            xml = CasXml.failure(CasXml.INTERNAL_ERROR, "The portal could not answer; try again");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/xml;charset=UTF-8");
        response.getWriter().write(xml);
    }
}
