package fr.ent.portal.security;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.metrics.RequestCpu;
import fr.ent.portal.signin.boundary.RememberedDevices;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.error.DatabaseOutageFilter;

/**
 * How a person is signed in: the /login page (a JSF form) calls
 * {@code SecurityContext.authenticate} with a {@link PasswordSignIn}; a valid answer of the identity
 * store becomes the container's caller. The caller is kept in the HTTP session as plain attributes (name and groups,
 * {@link Sessions#signedIn(HttpServletRequest, SignInResult)}) and given back to the container on each request.
 * <p>
 * Not {@code @AutoApplySession}: with it the container keeps its own principal in the session, and a session
 * replicated to another node of a cluster came back there without its groups (Payara issue 6342): a signed-in person
 * whose node died would have lost their roles. Re-establishing the caller from the session's own attributes works the
 * same on one node and on any node of a cluster.
 * <p>
 * A visitor without a session who brings a remembered-device cookie ({@link RememberCookies}) to {@code /},
 * {@code /login} or a protected page is signed in with it, without a password hash and without the admission queue
 * (a new session; from / or /login they then land as after a sign-in, see {@link #REMEMBERED_LANDING}); a refused
 * token clears the cookie. Otherwise a visitor asking for a protected page is sent to the pending first-connection
 * step if one is under way, else to /login.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute: signed in by a remembered device on / or /login, to be sent to the landing page. */
    public static final String REMEMBERED_LANDING = "ent.remembered.landing";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RememberCookies rememberCookies;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    PortalMetrics metrics;

    @EJB
    RememberedDevices devices;

    @Inject
    SecurityHeaders headers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            // the container turns any failure here into a bare 500: the error page reads the cause back from here
            request.setAttribute(DatabaseOutageFilter.SWALLOWED_FAILURE, e);
            throw e;
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            CredentialValidationResult result = identityStores.validate(context.getAuthParameters().getCredential());
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.notifyContainerAboutLogin(result);
        }
        headers.applyBeforeAnyPage(request, response); // its redirects and the container's refusals come before any filter
        int refusal = InputLimits.bodyRefusal(request);
        if (refusal != 0) {
            // before anything reads the body (a filter, a page): a plain page that says so, not the container's 500.
            // Not sendError: the error page's dispatch through Faces would read the request's parameters, the body.
            try {
                response.setHeader("Connection", "close"); // the rest of the body is not read
                PlainPage.error(request, response, refusal, "error." + refusal);
            } catch (java.io.IOException gone) {
                // the client went away: nothing to answer
            }
            return AuthenticationStatus.SEND_CONTINUE; // the answer is written: the container invokes nothing
        }
        Sessions.Caller caller = sessions.caller(request);
        if (caller != null) {
            // the signed-in session (this node's, or replicated from another node): the same caller and groups again
            return context.notifyContainerAboutLogin(new CredentialValidationResult(caller.name(), caller.groups()));
        }
        String token = rememberCookies.read(request);
        boolean signInPage = signInPage(request);
        // not right after a sign-out that kept the device (GET /cas/logout lands on /login?signedOut=true)
        boolean get = "GET".equals(request.getMethod()); // a GET's parameters are its query: no body is read here
        boolean justSignedOut = get && signInPage && request.getParameter("signedOut") != null;
        if (token != null && !token.isEmpty() && (context.isProtected() || signInPage) && !justSignedOut && get) {
            Optional<RememberedDevices.RememberedSignIn> remembered = rememberedSignIn(token, request);
            if (remembered.isPresent()) {
                metrics.signIn("remembered");
                RequestCpu.label(request, RequestCpu.REMEMBERED_SIGN_IN);
                SignInResult result = remembered.get().result();
                if (remembered.get().newToken() != null) {
                    // the token rotates at each use (issue 20): the one just used is now an old token
                    rememberCookies.write(request, response, remembered.get().newToken(), remembered.get().cookieMaxAge());
                }
                sessions.discard(request);
                AuthenticationStatus status = context.notifyContainerAboutLogin(
                        new CredentialValidationResult(result.identifier(), result.groups()));
                sessions.signedIn(request, result);
                sessions.markSignedInByDevice(request); // no typed credentials: never meets CAS renew
                if (signInPage) {
                    request.setAttribute(REMEMBERED_LANDING, result.accountId());
                }
                return status;
            }
            metrics.signIn("remembered_refused");
            rememberCookies.clear(request, response);
        }
        if (context.isProtected()) {
            HttpSession session = request.getSession(false);
            boolean firstConnection = session != null && session.getAttribute(FirstConnectionState.ATTRIBUTE) != null;
            return context.redirect(request.getContextPath() + (firstConnection ? "/first-connection" : "/login"));
        }
        return context.doNothing();
    }

    /**
     * The device's sign-in, again (at most twice more) if the account's row changed under it and its transaction was
     * rolled back: the same person signing in at that moment on another device or with the password. (Requests of the
     * same device wait for each other in {@link RememberedDevices#signIn}.)
     */
    private Optional<RememberedDevices.RememberedSignIn> rememberedSignIn(String token, HttpServletRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return devices.signIn(token, clients.of(request));
            } catch (EJBException e) {
                if (attempt == 3 || !concurrentUpdate(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean concurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // JPA's exception, or Hibernate's own when it surfaces unwrapped from the commit (StaleObjectStateException)
            if (t instanceof OptimisticLockException || t.getClass().getName().startsWith("org.hibernate.Stale")) {
                return true;
            }
        }
        return false;
    }

    private static boolean signInPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() || "/".equals(path) || "/login".equals(path) || "/login.xhtml".equals(path);
    }
}
