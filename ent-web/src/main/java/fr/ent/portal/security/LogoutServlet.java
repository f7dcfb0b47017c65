package fr.ent.portal.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-out: a POST to /logout ends the session (and forgets this browser if it was a remembered device) and returns
 * to /login, or first to the SAML providers that log out by the browser (see {@link SigningOut}). A GET changes
 * nothing.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SignOut signOut;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String next = signOut.perform(request, response);
        response.sendRedirect(next != null ? next : request.getContextPath() + "/login?signedOut=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + (request.getUserPrincipal() != null ? "/home" : "/login"));
    }
}
