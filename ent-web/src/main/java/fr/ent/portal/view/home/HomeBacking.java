package fr.ent.portal.view.home;

import java.util.List;
import java.util.Objects;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.HomePage;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.boundary.Tile;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.CurrentEstablishment;

/**
 * Backing bean of /home: the services of the chosen establishment as tiles. One boundary call ({@link HomePage})
 * gives everything the page shows, the header's switcher included.
 */
@Named
@RequestScoped
public class HomeBacking {

    private static final HomePage.View NOBODY = new HomePage.View(List.of(), null, false, List.of(), false);

    @Inject
    SecurityContext security;

    @Inject
    Sessions sessions;

    @Inject
    CurrentEstablishment current;

    @EJB
    HomePage homePage;

    private HomePage.View view;

    /** View action: a person with several establishments and none chosen (or no longer linked) chooses first. */
    public String load() {
        HttpServletRequest request = Faces.getRequest();
        HomePage.View shown = view();
        if (shown.choiceNeeded()) {
            return "/establishments?faces-redirect=true";
        }
        Long chosen = sessions.establishment(request);
        Long establishmentId = shown.current() == null ? null : shown.current().getId();
        if (sessions.accountId(request) != null && !Objects.equals(chosen, establishmentId)) {
            sessions.establishment(request, establishmentId);
        }
        return null;
    }

    private HomePage.View view() {
        if (view == null) {
            HttpServletRequest request = Faces.getRequest();
            Long accountId = sessions.accountId(request);
            view = accountId == null ? NOBODY : homePage.of(accountId, sessions.establishment(request));
            current.use(view.linked());
        }
        return view;
    }

    public String getIdentifier() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public LinkedEstablishment getEstablishment() {
        return view().current();
    }

    public List<Tile> getTiles() {
        return view().tiles();
    }

    public boolean isChildrenToConfirm() {
        return view().childrenToConfirm();
    }
}
