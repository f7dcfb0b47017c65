package fr.ent.portal.view.children;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.families.boundary.DeclaredChild;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;

/**
 * Backing bean of /children: confirming each declared child by its birth date, or saying it is not one's child
 * ({@link MissingChildBacking}: a child is missing). Every post answers with a redirect ({@link ChildRefusals}).
 */
@Named
@RequestScoped
public class ChildrenBacking {

    @EJB
    Children children;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    Landings landings;

    private List<DeclaredChild> declared;
    private final Map<Long, String> birthDates = new HashMap<>();

    /** View action: shows the refusal of the previous post. */
    public void load() {
        ChildRefusals.showKept();
    }

    public String attach(long childId) {
        try {
            Children.Attempt attempt = children.attach(accountId(), childId, birthDates.get(childId),
                    clients.of(Faces.getRequest()));
            switch (attempt.outcome()) {
                case ATTACHED -> Texts.flash("children.attached", attempt.firstName());
                case SUSPENDED -> ChildRefusals.keep("children.error.now_suspended", attempt.firstName());
                default -> ChildRefusals.keep("children.error.wrong_date", attempt.remaining());
            }
        } catch (BusinessException refused) {
            ChildRefusals.keep(refused);
        }
        return "/children?faces-redirect=true";
    }

    public String notMine(long childId) {
        try {
            children.notMyChild(accountId(), childId, null, clients.of(Faces.getRequest()));
            Texts.flash("children.not_mine.sent");
        } catch (BusinessException refused) {
            ChildRefusals.keep(refused);
        }
        return "/children?faces-redirect=true";
    }

    /** Done (or skipped for now): on to the establishment choice or home. */
    public String next() throws java.io.IOException {
        return Landings.follow(landings.afterSignIn(Faces.getRequest(), accountId()));
    }

    public List<DeclaredChild> getChildren() {
        if (declared == null) {
            declared = children.declared(accountId());
        }
        return declared;
    }

    long accountId() {
        Long id = sessions.accountId(Faces.getRequest());
        if (id == null) {
            throw new IllegalStateException("No signed-in account");
        }
        return id;
    }

    public Map<Long, String> getBirthDates() {
        return birthDates;
    }
}
