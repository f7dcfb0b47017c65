package fr.ent.portal.view.establishments;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
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

    public String choose(long establishmentId) {
        HttpServletRequest request = Faces.getRequest();
        Long accountId = sessions.accountId(request);
        if (accountId == null) {
            return "/login?faces-redirect=true";
        }
        try {
            LinkedEstablishment chosen = choice.choose(accountId, establishmentId, clients.of(request));
            sessions.establishment(request, chosen.getId());
            Messages.addFlashGlobalInfo(Texts.text("establishments.chosen", chosen.getName()).replace("'", "''"));
            return "/home?faces-redirect=true";
        } catch (BusinessException refused) {
            Texts.show(refused, "choice");
            return null;
        }
    }
}
