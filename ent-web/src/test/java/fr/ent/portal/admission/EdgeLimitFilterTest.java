package fr.ent.portal.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import fr.ent.portal.metrics.PortalMetrics;

/** Issue 21, item 4: anonymous page work in front of the hash is bounded; beyond the bound, 503 at once. */
class EdgeLimitFilterTest {

    @Test
    void theLimitIsTwoPerProcessorByDefault() {
        assertEquals(4, EdgeLimitFilter.limit("auto", 2));
        assertEquals(4, EdgeLimitFilter.limit("", 2));
        assertEquals(7, EdgeLimitFilter.limit("7", 2));
        assertEquals(0, EdgeLimitFilter.limit("0", 2));
        assertThrows(IllegalStateException.class, () -> EdgeLimitFilter.limit("many", 2));
    }

    @Test
    void whatIsBounded() {
        assertTrue(EdgeLimitFilter.bounded("GET", "/login", false));
        assertTrue(EdgeLimitFilter.bounded("GET", "/waiting-room", false));
        assertTrue(EdgeLimitFilter.bounded("POST", "/help/password", false));
        assertFalse(EdgeLimitFilter.bounded("POST", "/login", false), "bounded by the admission gate");
        assertFalse(EdgeLimitFilter.bounded("GET", "/jakarta.faces.resource/css/portal.css.xhtml", false));
        assertFalse(EdgeLimitFilter.bounded("GET", "/home", true));
    }

    @Test
    void beyondTheBoundA503AtOnceAndThePermitComesBack() throws Exception {
        EdgeLimitFilter filter = new EdgeLimitFilter();
        filter.permits = new Semaphore(1);
        filter.metrics = new PortalMetrics() {
            @Override
            public void signIn(String outcome) {
            }
        };
        Map<String, Object> inner = new HashMap<>();
        filter.doFilter(request("/login"), response(new HashMap<>()), (req, res) -> {
            Map<String, Object> answer = new HashMap<>();
            filter.doFilter(request("/waiting-room"), response(answer), (r, s) -> inner.put("ran", true));
            inner.putAll(answer);
        });
        assertEquals(503, inner.get("status"), "the second one, while the first runs");
        assertNotNull(inner.get("Retry-After"));
        assertFalse(inner.containsKey("ran"));
        assertEquals(1, filter.available(), "the permit is given back");
        Map<String, Object> after = new HashMap<>();
        filter.doFilter(request("/login"), response(after), (r, s) -> after.put("ran", true));
        assertEquals(Boolean.TRUE, after.get("ran"));
    }

    static HttpServletRequest request(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(EdgeLimitFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getMethod" -> "GET";
                    default -> null;
                });
    }

    static HttpServletResponse response(Map<String, Object> answer) {
        PrintWriter writer = new PrintWriter(new StringWriter());
        return (HttpServletResponse) Proxy.newProxyInstance(EdgeLimitFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.put("status", args[0]);
                        case "setHeader" -> answer.put((String) args[0], args[1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }
}
