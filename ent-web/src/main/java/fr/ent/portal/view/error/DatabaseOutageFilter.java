package fr.ent.portal.view.error;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.security.PlainPage;

/**
 * While the database is out of reach, a request that needed it gets 503 and a short page in the person's language
 * ("service momentarily unavailable, try again in a minute"), written without Faces nor the database, with a
 * {@code Retry-After}; never a stack trace, nor the "something went wrong" page. Declared first in web.xml (outermost
 * filter, requests and error dispatches: a failure in the sign-in mechanism reaches the error dispatch only).
 */
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());
    static final String RETRY_AFTER_SECONDS = "30";
    /**
     * Request attribute: a failure the container turned into a bare 500 without passing it on (the sign-in mechanism's,
     * under JASPIC), for the error dispatch to tell an outage from another error.
     */
    public static final String SWALLOWED_FAILURE = "ent.swallowed-failure";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (failure == null) {
                failure = request.getAttribute(SWALLOWED_FAILURE);
            }
            if (failure instanceof Throwable t && DatabaseOutage.causedBy(t)) {
                unavailable(request, response, t);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseOutage.causedBy(e)) {
                throw e;
            }
            unavailable(request, response, e);
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        LOG.warning(() -> "Database out of reach: 503 for " + request.getMethod() + " "
                + request.getRequestURI().substring(request.getContextPath().length()) + " (" + failure.getClass().getName() + ")");
        response.resetBuffer();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        PlainPage.error(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.unavailable");
    }
}
