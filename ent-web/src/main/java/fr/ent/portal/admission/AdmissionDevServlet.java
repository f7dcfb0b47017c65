package fr.ent.portal.admission;

import java.io.IOException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.boundary.Admission;
import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.WaitingLine;

/**
 * {@code /dev/admission}, for the tests only: 404 unless {@code ent.admission.dev-controls=true}.
 * <ul>
 * <li>GET: the state as JSON ({@code slots, held, running, queueLength, queueLimit, maxWaitMillis, meanHashMillis,
 * lastIssued, admittedUpTo, waiting});</li>
 * <li>POST with any of {@code slots=N}, {@code queue=N|auto} (fixed queue limit, or Little's law),
 * {@code maxWait=PT30S}, {@code hold=N} (keep N slots busy), {@code release} (give them back), {@code reset} (the
 * configured settings, nothing held, an empty line with a new epoch): applied in that order (reset first), answers
 * the state.</li>
 * </ul>
 */
@WebServlet("/dev/admission")
public class AdmissionDevServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Admission admission;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admission.devControls()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        state(response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admission.devControls()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AdmissionGate gate = admission.gate();
        try {
            if (request.getParameter("reset") != null) {
                admission.restoreConfiguration();
            }
            String slots = request.getParameter("slots");
            String queue = request.getParameter("queue");
            String maxWait = request.getParameter("maxWait");
            if (slots != null || queue != null || maxWait != null) {
                gate.configure(slots == null ? gate.slots() : Integer.parseInt(slots),
                        maxWait == null ? gate.maxWait() : Duration.parse(maxWait),
                        queue == null || "auto".equals(queue) ? (queue == null ? currentFixed(gate) : null) : Integer.valueOf(queue));
            }
            if (request.getParameter("hold") != null) {
                gate.hold(Integer.parseInt(request.getParameter("hold")));
            }
            if (request.getParameter("release") != null) {
                gate.release();
            }
        } catch (RuntimeException bad) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
            return;
        }
        state(response);
    }

    /** A change of slots or wait alone keeps the queue limit the dev controls last fixed. */
    private Integer currentFixed(AdmissionGate gate) {
        return gate.fixedQueueLimit();
    }

    private void state(HttpServletResponse response) throws IOException {
        AdmissionGate gate = admission.gate();
        WaitingLine line = admission.line();
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"slots\":" + gate.slots() + ",\"held\":" + gate.held() + ",\"running\":" + gate.running()
                + ",\"queueLength\":" + gate.queueLength() + ",\"queueLimit\":" + gate.queueLimit()
                + ",\"maxWaitMillis\":" + gate.maxWait().toMillis() + ",\"meanHashMillis\":" + gate.meanHashTime().toMillis()
                + ",\"lastIssued\":" + line.lastIssued() + ",\"admittedUpTo\":" + line.admittedUpTo()
                + ",\"waiting\":" + line.waiting() + "}");
    }
}
