package fr.ent.portal.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import fr.ent.portal.admission.boundary.SignInAdmission;
import fr.ent.portal.admission.boundary.Admission;
import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.LocalWaitingLine;
import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.metrics.PortalMetrics;

/**
 * Issue 21, item 1: a sign-in POST that the full hash queue cannot take is answered by {@link AdmissionFilter} alone
 * (the chain, hence Faces, is never called), and what that answer costs in CPU time. Run:
 * {@code mvn -B -ntp -q -o -pl ent-domain,ent-web test -Dtest=RefusalCostTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (the figure is printed and must stay under 0.2 ms of CPU per refusal).
 */
class RefusalCostTest {

    static final int WARM_UP = 20_000;
    static final int MEASURED = 50_000;

    final AdmissionGate gate = new AdmissionGate(1, Duration.ofSeconds(3));
    final AdmissionFilter filter = new AdmissionFilter();
    int chainCalls;

    RefusalCostTest() throws Exception {
        Admission admission = new Admission();
        set(admission, "gate", gate);
        set(admission, "line", new LocalWaitingLine(Duration.ofMinutes(2)));
        set(admission, "tickets", new WaitingTicket(new byte[32], Duration.ofMinutes(2)));
        set(admission, "absentAfter", Duration.ofSeconds(30));
        SignInAdmission facade = new SignInAdmission();
        set(facade, "admission", admission);
        WaitingRoom room = new WaitingRoom();
        room.admission = facade;
        room.clock = Clock.systemUTC();
        room.clients = new fr.ent.portal.security.Clients();
        room.pace(100);
        room.metrics = new PortalMetrics() {
            @Override
            public void signIn(String outcome) {
            }

            @Override
            public void ticket(String kind) {
            }
        };
        filter.room = room;
        filter.clock = Clock.systemUTC();
    }

    /** The queue is full: every slot held, no queue place. */
    void full() {
        gate.configure(1, Duration.ofSeconds(3), 0);
        gate.hold(1);
    }

    @Test
    void aFullQueueRefusesBeforeAnyPageAndCostsLittle() throws Exception {
        full();
        Answer api = post(false);
        assertEquals(503, api.status);
        assertNotNull(api.headers.get("Retry-After"));
        Answer browser = post(true);
        assertEquals(303, browser.status);
        assertTrue(browser.headers.get("Location").endsWith(WaitingRoom.PATH));
        assertEquals(0, chainCalls, "nothing behind the filter ran (no Faces view restored)");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (boolean html : new boolean[] {false, true}) {
            for (int i = 0; i < WARM_UP; i++) {
                post(html);
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED; i++) {
                post(html);
            }
            double microsEach = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / MEASURED;
            System.out.printf("CPU per refusal in AdmissionFilter (%s): %.1f µs over %d refusals%n",
                    html ? "browser, 303 and a new ticket" : "other client, 503", microsEach, MEASURED);
            assertTrue(microsEach < 200, "≤ 0.2 ms of CPU per refusal, measured " + microsEach + " µs");
        }
        assertEquals(0, chainCalls);
    }

    @Test
    void withRoomTheSignInGoesOn() throws Exception {
        gate.configure(1, Duration.ofSeconds(3), 0);
        Answer answer = post(false);
        assertEquals(1, chainCalls);
        assertFalse(answer.status == 503);
    }

    /** The answer a mock response collected. */
    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
    }

    Answer post(boolean browser) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (browser) {
            headers.put("Accept", "text/html,application/xhtml+xml");
        }
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/login";
                    case "getContextPath" -> "";
                    case "getMethod" -> "POST";
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "isSecure" -> false;
                    default -> null;
                });
        Answer answer = new Answer();
        PrintWriter writer = new PrintWriter(new StringWriter());
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        FilterChain chain = (req, res) -> chainCalls++;
        filter.doFilter(request, response, chain);
        return answer;
    }

    static void set(Object target, String name, Object value) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
