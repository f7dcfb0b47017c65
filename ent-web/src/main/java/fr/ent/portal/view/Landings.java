package fr.ent.portal.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.security.Sessions;

/**
 * Where a person goes once signed in: /establishments when several establishments of this school year are linked
 * and no remembered choice is valid, else /home with the establishment kept in the session.
 */
@ApplicationScoped
public class Landings {

    @EJB
    EstablishmentChoice choice;

    @EJB
    Children children;

    @jakarta.inject.Inject
    Sessions sessions;

    /** The outcome after a sign-in (a Faces redirect). */
    public String afterSignIn(HttpServletRequest request, long accountId) {
        EstablishmentLanding landing = choice.landing(accountId);
        sessions.establishment(request, landing.establishmentId());
        return landing.choiceNeeded() ? "/establishments?faces-redirect=true" : "/home?faces-redirect=true";
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
