package fr.ent.portal.view.error;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.security.PlainPage;

/**
 * The answer to a form posted without its page's script nonce (from another site, or a stale copy):
 * 400 and a short page, rendered without Faces since Faces itself refused the request.
 */
@WebServlet("/error/stale-form")
public class StaleFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PlainPage.error(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.stale_form");
    }
}
