package fr.ent.portal.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.sso.CasReturn;

/**
 * Where a person goes once signed in: /establishments when several establishments of this school year are linked
 * and no remembered choice is valid, else /home with the establishment kept in the session, or back to
 * {@code /cas/login} when a service sent the person to sign in ({@link CasReturn}).
 */
@ApplicationScoped
public class Landings {

    @EJB
    EstablishmentChoice choice;

    @EJB
    Children children;

    @jakarta.inject.Inject
    Sessions sessions;

    @jakarta.inject.Inject
    CasReturn casReturn;

    @jakarta.inject.Inject
    fr.ent.portal.federation.OidcReturn oidcReturn;

    @jakarta.inject.Inject
    fr.ent.portal.federation.SamlReturn samlReturn;

    /**
     * The outcome after a sign-in: a Faces redirect, or a {@code /cas/} path (see {@link #follow(String)}). Going to
     * /home, the establishments are not read here: /home resolves where the person lands ({@code HomePage}, the same
     * rule as {@link EstablishmentChoice#landing}) and sends to /establishments when a choice is needed, so a sign-in
     * reads them once (issue 21). A pending single sign-on needs the establishment first: read here.
     */
    public String afterSignIn(HttpServletRequest request, long accountId) {
        java.util.Optional<String> pending = pendingReturn(request);
        if (pending.isEmpty()) {
            sessions.establishment(request, null);
            return HOME;
        }
        EstablishmentLanding landing = choice.landing(accountId);
        sessions.establishment(request, landing.establishmentId());
        return landing.choiceNeeded() ? "/establishments?faces-redirect=true" : pending.get();
    }

    /** Once the establishment is known: back to a pending single sign-on (CAS, then OpenID Connect, then SAML), else /home. */
    public String afterChoice(HttpServletRequest request) {
        return pendingReturn(request).orElse(HOME);
    }

    private static final String HOME = "/home?faces-redirect=true";

    private java.util.Optional<String> pendingReturn(HttpServletRequest request) {
        return casReturn.read(request).map(CasReturn.Pending::path)
                .or(() -> oidcReturn.read(request).map(fr.ent.portal.federation.OidcReturn.Pending::path))
                .or(() -> samlReturn.read(request).map(waiting -> fr.ent.portal.federation.SamlReturn.PATH));
    }

    /**
     * Follows one of these outcomes from a backing bean's action: a {@code /cas/} or {@code /oidc/} path is not a Faces view, so it is
     * redirected to explicitly (and the action returns null); a Faces outcome is returned as it is.
     */
    public static String follow(String outcome) throws IOException {
        if (outcome != null && (outcome.startsWith("/cas/") || outcome.startsWith("/oidc/")
                || outcome.startsWith("/saml/"))) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + outcome);
            faces.responseComplete();
            return null;
        }
        return outcome;
    }

    /** After a first connection: a representative with children to confirm is offered /children first. */
    public String afterFirstConnection(HttpServletRequest request, long accountId) {
        if (children.hasChildrenToConfirm(accountId)) {
            sessions.establishment(request, choice.landing(accountId).establishmentId());
            return "/children?faces-redirect=true";
        }
        return afterSignIn(request, accountId);
    }
}
