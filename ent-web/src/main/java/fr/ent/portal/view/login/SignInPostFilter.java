package fr.ent.portal.view.login;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form's POST answered without Faces (issue 21, item 1): the identifier and the password are read from
 * the form's fields and given to {@link SignInSubmission}, whose answers are redirects; no view is restored, which was
 * a sixth of the portal's CPU around a sign-in (docs/PERFORMANCE.md). Only a form Faces must show again goes on to
 * the page: an empty field (the page's own "required" messages), or a refusal, which {@link LoginBacking} shows from
 * {@link #REFUSAL} without trying again. In web.xml after the anti-forgery check ({@code form-guard}): only a form
 * with a valid token gets here.
 */
public class SignInPostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute: the message key of a sending this filter tried and the page is to show. */
    static final String REFUSAL = "ent.signIn.refusal";

    @Inject
    SignInSubmission submission;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String identifier = request.getParameter("identifier");
        String password = request.getParameter("password");
        if (!"POST".equals(request.getMethod()) || identifier == null || identifier.isEmpty() || password == null
                || password.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SignInSubmission.Answer answer = submission.submit(request, response, identifier, password,
                request.getParameter("remember") != null);
        if (!answer.answered()) {
            request.setAttribute(REFUSAL, answer.refusal());
            chain.doFilter(request, response);
        }
    }
}
