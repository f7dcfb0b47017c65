package fr.ent.portal.view.children;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.Children;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.Texts;

/** The "a child is missing" form of /children: a message to one of the declared children's schools. */
@Named
@RequestScoped
public class MissingChildBacking {

    @EJB
    Children children;

    @Inject
    Clients clients;

    @Inject
    ChildrenBacking page;

    private Long missingEstablishment;
    private String missingText;

    public String missing() {
        try {
            children.missingChild(page.accountId(), missingEstablishment, missingText, clients.of(Faces.getRequest()));
            Texts.flash("children.missing.sent");
        } catch (BusinessException refused) {
            ChildRefusals.keep(refused); // shown after the redirect (see ChildRefusals)
        }
        return "/children?faces-redirect=true";
    }

    /** The declared children's schools (name → id). */
    public Map<String, Long> getSchools() {
        Map<String, Long> schools = new LinkedHashMap<>();
        page.getChildren().stream().filter(c -> c.getEstablishmentId() != null)
                .forEach(c -> schools.putIfAbsent(c.getEstablishmentName(), c.getEstablishmentId()));
        return schools;
    }

    public Long getMissingEstablishment() { return missingEstablishment; }
    public void setMissingEstablishment(Long missingEstablishment) { this.missingEstablishment = missingEstablishment; }
    public String getMissingText() { return missingText; }
    public void setMissingText(String missingText) { this.missingText = missingText; }
}
