package fr.ent.portal.view.home;

import java.util.List;
import java.util.Objects;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import fr.ent.portal.families.boundary.HomePage;
import fr.ent.portal.security.Sessions;

/**
 * What /home shows for this request, read once ({@link HomePage}, one boundary call) by whichever comes first, the
 * kept rendering ({@link HomePageCache}) or the backing bean, and the session's establishment brought in line with it.
 */
@ApplicationScoped
public class HomeViews {

    static final HomePage.View NOBODY = new HomePage.View(List.of(), null, false, List.of(), false);
    private static final String ATTRIBUTE = "ent.home.view";

    @Inject
    Sessions sessions;

    @EJB
    HomePage homePage;

    /** The view of this request's caller; the session keeps the establishment shown (unless a choice is needed). */
    public HomePage.View prepare(HttpServletRequest request) {
        HomePage.View view = (HomePage.View) request.getAttribute(ATTRIBUTE);
        if (view != null) {
            return view;
        }
        Long accountId = sessions.accountId(request);
        Long chosen = sessions.establishment(request);
        view = accountId == null ? NOBODY : homePage.of(accountId, chosen);
        Long shown = view.current() == null ? null : view.current().getId();
        if (accountId != null && !view.choiceNeeded() && !Objects.equals(chosen, shown)) {
            sessions.establishment(request, shown);
        }
        request.setAttribute(ATTRIBUTE, view);
        return view;
    }
}
