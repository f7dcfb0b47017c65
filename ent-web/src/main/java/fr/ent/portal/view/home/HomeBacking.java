package fr.ent.portal.view.home;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.boundary.Tile;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.CurrentEstablishment;

/** Backing bean of /home: the services of the chosen establishment as tiles. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    SecurityContext security;

    @Inject
    Sessions sessions;

    @Inject
    CurrentEstablishment current;

    @EJB
    EstablishmentChoice choice;

    @EJB
    Children children;

    private List<Tile> tiles;

    /** View action: a person with several establishments and none chosen (or no longer linked) chooses first. */
    public String load() {
        Long accountId = sessions.accountId(Faces.getRequest());
        if (accountId == null) {
            return null;
        }
        if (current.getCurrent() == null) {
            EstablishmentLanding landing = choice.landing(accountId);
            if (landing.choiceNeeded()) {
                return "/establishments?faces-redirect=true";
            }
            sessions.establishment(Faces.getRequest(), landing.establishmentId());
        }
        return null;
    }

    public String getIdentifier() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public LinkedEstablishment getEstablishment() {
        return current.getCurrent();
    }

    public List<Tile> getTiles() {
        if (tiles == null) {
            Long accountId = sessions.accountId(Faces.getRequest());
            LinkedEstablishment establishment = current.getCurrent();
            tiles = accountId == null || establishment == null ? List.of()
                    : choice.tiles(accountId, establishment.getId());
        }
        return tiles;
    }

    public boolean isChildrenToConfirm() {
        Long accountId = sessions.accountId(Faces.getRequest());
        return accountId != null && children.hasChildrenToConfirm(accountId);
    }
}
