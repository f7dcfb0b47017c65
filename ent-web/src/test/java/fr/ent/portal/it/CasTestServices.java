package fr.ent.portal.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apereo.cas.client.authentication.AttributePrincipal;
import org.apereo.cas.client.authentication.AuthenticationFilter;
import org.apereo.cas.client.session.SingleSignOutFilter;
import org.apereo.cas.client.session.SingleSignOutHttpSessionListener;
import org.apereo.cas.client.util.HttpServletRequestWrapperFilter;
import org.apereo.cas.client.validation.Cas30ProxyReceivingTicketValidationFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Two small services, {@code /a/} and {@code /b/}, on embedded Jetty, each protected by the Apereo Java CAS client
 * (single sign-out, authentication, CAS 3.0 validation, request wrapper) pointed at the test portal. Each answers
 * the signed-in user and the attributes it received, one {@code name=value} line each, sorted.
 */
final class CasTestServices implements AutoCloseable {

    private final Server server;
    private final int port;

    private CasTestServices(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static CasTestServices start(URI portal) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Server server = new Server(port);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        String serverName = "http://127.0.0.1:" + port;
        contexts.addHandler(service("a", portal, serverName));
        contexts.addHandler(service("b", portal, serverName));
        server.setHandler(contexts);
        server.start();
        return new CasTestServices(server, port);
    }

    /** The service's address, as the CAS client names it in {@code service=}. */
    String url(String name) {
        return "http://127.0.0.1:" + port + "/" + name + "/";
    }

    private static ServletContextHandler service(String name, URI portal, String serverName) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/" + name);
        // its own session cookie, apart from the portal's JSESSIONID on the same host; no session id in URLs
        context.getSessionHandler().getSessionCookieConfig().setName("SERVICE_" + name.toUpperCase(Locale.ROOT));
        context.getSessionHandler().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.addEventListener(new SingleSignOutHttpSessionListener());
        String cas = portal.toString().replaceAll("/$", "") + "/cas";
        EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter(new FilterHolder(new SingleSignOutFilter()), "/*", request);
        FilterHolder authentication = new FilterHolder(new AuthenticationFilter());
        authentication.setInitParameters(Map.of("casServerLoginUrl", cas + "/login", "serverName", serverName,
                "encodeServiceUrl", "false"));
        context.addFilter(authentication, "/*", request);
        FilterHolder validation = new FilterHolder(new Cas30ProxyReceivingTicketValidationFilter());
        validation.setInitParameters(Map.of("casServerUrlPrefix", cas, "serverName", serverName,
                "encodeServiceUrl", "false", "exceptionOnValidationFailure", "false"));
        context.addFilter(validation, "/*", request);
        context.addFilter(new FilterHolder(new HttpServletRequestWrapperFilter()), "/*", request);
        context.addServlet(new ServletHolder(new WhoAmI()), "/*");
        return context;
    }

    /** The page of the service: who signed in, with which attributes. */
    static final class WhoAmI extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            StringBuilder body = new StringBuilder("user=" + request.getRemoteUser() + "\n");
            if (request.getUserPrincipal() instanceof AttributePrincipal principal) {
                new TreeMap<>(principal.getAttributes()).forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(body.toString());
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
