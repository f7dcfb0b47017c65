package fr.ent.portal.view.children;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.families.boundary.DeclaredChild;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;

/** Backing bean of /children: confirming each declared child by its birth date, or asking the school for help. */
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
    private Long missingEstablishment;
    private String missingText;

    public String attach(long childId) {
        Long accountId = accountId();
        try {
            Children.Attempt attempt = children.attach(accountId, childId, birthDates.get(childId),
                    clients.of(Faces.getRequest()));
            switch (attempt.outcome()) {
                case ATTACHED -> Texts.flash("children.attached", attempt.firstName());
                case SUSPENDED -> refused("children.error.now_suspended", attempt.firstName());
                default -> refused("children.error.wrong_date", attempt.remaining());
            }
        } catch (InvalidInputException refused) {
            refused.errors().forEach(e -> refused(e.key(), e.params().toArray()));
        } catch (BusinessException refused) {
            refused(refused.key(), refused.params());
        }
        return "/children?faces-redirect=true";
    }

    /**
     * View action: shows the refusal of the previous post. Every post of this page answers with a redirect (a
     * re-rendered postback of this page failed PrimeFaces' CSP nonce check), so refusals travel in the session.
     */
    public void load() {
        jakarta.servlet.http.HttpSession session = Faces.getRequest().getSession(false);
        Object pending = session == null ? null : session.getAttribute(REFUSAL);
        if (pending instanceof Refusal refusal) {
            session.removeAttribute(REFUSAL);
            Texts.globalError(refusal.key(), refusal.params());
        }
    }

    static final String REFUSAL = "ent.children.refusal";

    record Refusal(String key, Object[] params) implements java.io.Serializable {
    }

    private static void refused(String key, Object... params) {
        Faces.getRequest().getSession().setAttribute(REFUSAL, new Refusal(key, params));
    }

    public String notMine(long childId) {
        try {
            children.notMyChild(accountId(), childId, null, clients.of(Faces.getRequest()));
            Texts.flash("children.not_mine.sent");
        } catch (BusinessException refused) {
            refused(refused.key(), refused.params());
        }
        return "/children?faces-redirect=true";
    }

    public String missing() {
        try {
            children.missingChild(accountId(), missingEstablishment, missingText, clients.of(Faces.getRequest()));
            Texts.flash("children.missing.sent");
        } catch (InvalidInputException refused) {
            refused.errors().forEach(e -> refused(e.key(), e.params().toArray()));
        } catch (BusinessException refused) {
            refused(refused.key(), refused.params());
        }
        return "/children?faces-redirect=true";
    }

    /** Done (or skipped for now): on to the establishment choice or home. */
    public String next() throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        return Landings.follow(landings.afterSignIn(request, accountId()));
    }

    public List<DeclaredChild> getChildren() {
        if (declared == null) {
            declared = children.declared(accountId());
        }
        return declared;
    }

    /** The declared children's schools, for "a child is missing" (id → name). */
    public Map<String, Long> getSchools() {
        Map<String, Long> schools = new LinkedHashMap<>();
        getChildren().stream().filter(c -> c.getEstablishmentId() != null)
                .forEach(c -> schools.putIfAbsent(c.getEstablishmentName(), c.getEstablishmentId()));
        return schools;
    }

    private long accountId() {
        Long id = sessions.accountId(Faces.getRequest());
        if (id == null) {
            throw new IllegalStateException("No signed-in account");
        }
        return id;
    }


    public Map<Long, String> getBirthDates() {
        return birthDates;
    }

    public Long getMissingEstablishment() {
        return missingEstablishment;
    }

    public void setMissingEstablishment(Long missingEstablishment) {
        this.missingEstablishment = missingEstablishment;
    }

    public String getMissingText() {
        return missingText;
    }

    public void setMissingText(String missingText) {
        this.missingText = missingText;
    }
}
