package fr.ent.portal.view.establishments;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;

/** Backing bean of /establishments: choosing the establishment to work in (remembered for the next sign-in). */
@Named
@RequestScoped
public class EstablishmentsBacking {

    @EJB
    EstablishmentChoice choice;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    Landings landings;

    @jakarta.ejb.EJB
    fr.ent.portal.sso.boundary.CasServer cas;

    /** Chooses, then home, or back to the single sign-on that asked for the choice. */
    public String choose(long establishmentId) throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        Long accountId = sessions.accountId(request);
        if (accountId == null) {
            return "/login?faces-redirect=true";
        }
        Long previous = sessions.establishment(request);
        LinkedEstablishment chosen = choice.choose(accountId, establishmentId, clients.of(request));
        if (previous != null && !previous.equals(chosen.getId())) {
            // issue 20 (CAS): the services opened got the former establishment's attributes: single logout
            fr.ent.portal.sso.SsoSessions.establishmentSwitched(request.getSession(), cas);
        }
        sessions.establishment(request, chosen.getId());
        Texts.flash("establishments.chosen", chosen.getName());
        return Landings.follow(landings.afterChoice(request));
    }
}
