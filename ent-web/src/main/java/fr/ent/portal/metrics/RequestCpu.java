package fr.ent.portal.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The CPU time each request takes on its thread, by route ({@code ent_request_cpu_seconds{route}}): what a page or a
 * refusal costs, measured where it is spent, so that the figure holds on a machine shared with a load generator or
 * other builds (wall-clock figures do not). The listener brackets the whole request, the authentication mechanism
 * (a remembered-device sign-in) and the error pages included; the password hash runs on the request thread, so a
 * sign-in's figure includes it.
 * <p>
 * The route is a small fixed set, named from the request ({@link #route}) unless the code that answered named it
 * ({@link #label}): a refusal before any page, a remembered-device sign-in.
 */
@WebListener
public class RequestCpu implements ServletRequestListener {

    static final String START = RequestCpu.class.getName() + ".start";
    static final String ROUTE = RequestCpu.class.getName() + ".route";

    /** The routes, a closed set (a label per address would let a client grow the registry). */
    public static final String LOGIN_PAGE = "login_page";
    public static final String SIGN_IN = "sign_in";
    public static final String SIGN_IN_REFUSED = "sign_in_refused";
    public static final String REMEMBERED_SIGN_IN = "remembered_sign_in";
    public static final String HOME = "home";
    public static final String WAITING_ROOM = "waiting_room";
    public static final String RESOURCE = "resource";
    public static final String OTHER = "other";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    @Inject
    PortalMetrics metrics;

    /** Names the route of this request (the last name given wins). */
    public static void label(ServletRequest request, String route) {
        request.setAttribute(ROUTE, route);
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (MEASURED) {
            event.getServletRequest().setAttribute(START, THREADS.getCurrentThreadCpuTime());
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        if (request.getAttribute(START) instanceof Long start && request instanceof HttpServletRequest http) {
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            if (spent >= 0) {
                metrics.requestCpu(route(http), Duration.ofNanos(spent));
            }
        }
    }

    static String route(HttpServletRequest request) {
        if (request.getAttribute(ROUTE) instanceof String named) {
            return named;
        }
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        boolean get = "GET".equals(request.getMethod());
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            return RESOURCE;
        }
        return switch (path) {
            case "/login", "/login.xhtml", "/", "" -> get ? LOGIN_PAGE : "POST".equals(request.getMethod()) ? SIGN_IN : OTHER;
            case "/home", "/home.xhtml" -> get ? HOME : OTHER;
            case "/waiting-room" -> WAITING_ROOM;
            default -> OTHER;
        };
    }
}
