package fr.ent.portal.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mfa.boundary.FactorPolicies;

/**
 * {@code /dev/mfa-policy}, for the tests only (404 unless {@code ent.admission.dev-controls=true}): POST
 * {@code profiles=SCHOOL_ADMIN,…} replaces the profiles that must have a second factor, {@code reset} puts the
 * setting back. Answers the profiles now required.
 */
@WebServlet("/dev/mfa-policy")
public class MfaPolicyDevServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    FactorPolicies policies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!policies.devControls()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (request.getParameter("reset") != null) {
                policies.restore();
            } else {
                policies.override(String.valueOf(request.getParameter("profiles")));
            }
        } catch (IllegalArgumentException bad) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(String.valueOf(policies.current().requiredProfiles()));
    }
}
