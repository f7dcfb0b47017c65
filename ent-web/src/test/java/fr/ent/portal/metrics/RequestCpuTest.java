package fr.ent.portal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class RequestCpuTest {

    static HttpServletRequest request(String method, String uri) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RequestCpuTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    @Test
    void routesAreAClosedSetNamedFromTheRequest() {
        assertEquals(RequestCpu.LOGIN_PAGE, RequestCpu.route(request("GET", "/login")));
        assertEquals(RequestCpu.LOGIN_PAGE, RequestCpu.route(request("GET", "/")));
        assertEquals(RequestCpu.SIGN_IN, RequestCpu.route(request("POST", "/login")));
        assertEquals(RequestCpu.HOME, RequestCpu.route(request("GET", "/home")));
        assertEquals(RequestCpu.WAITING_ROOM, RequestCpu.route(request("GET", "/waiting-room")));
        assertEquals(RequestCpu.RESOURCE, RequestCpu.route(request("GET", "/jakarta.faces.resource/theme.css.xhtml")));
        assertEquals(RequestCpu.OTHER, RequestCpu.route(request("GET", "/anything/a-client/invents")), "no label per address");
        assertEquals(RequestCpu.OTHER, RequestCpu.route(request("DELETE", "/login")));
    }

    @Test
    void theCodeThatAnsweredNamesTheRoute() {
        HttpServletRequest refused = request("POST", "/login");
        RequestCpu.label(refused, RequestCpu.SIGN_IN_REFUSED);
        assertEquals(RequestCpu.SIGN_IN_REFUSED, RequestCpu.route(refused));
        HttpServletRequest remembered = request("GET", "/home");
        RequestCpu.label(remembered, RequestCpu.REMEMBERED_SIGN_IN);
        assertEquals(RequestCpu.REMEMBERED_SIGN_IN, RequestCpu.route(remembered));
    }
}
