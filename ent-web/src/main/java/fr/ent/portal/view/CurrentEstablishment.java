package fr.ent.portal.view;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.security.Sessions;

/** The establishment of this session and the others the person may switch to (the header's switcher). */
@Named
@RequestScoped
public class CurrentEstablishment {

    @EJB
    EstablishmentChoice choice;

    @Inject
    Sessions sessions;

    private List<LinkedEstablishment> linked;

    /** The establishments linked this school year (read once per request). */
    public List<LinkedEstablishment> getLinked() {
        if (linked == null) {
            Long accountId = sessions.accountId(Faces.getRequest());
            linked = accountId == null ? List.of() : choice.linked(accountId);
        }
        return linked;
    }

    /** The establishments linked this school year, as a boundary call of this request already read them. */
    public void use(List<LinkedEstablishment> alreadyRead) {
        linked = alreadyRead;
    }

    /** The session's establishment, if still linked; null otherwise. */
    public LinkedEstablishment getCurrent() {
        Long id = sessions.establishment(Faces.getRequest());
        return id == null ? null : getLinked().stream().filter(e -> e.getId() == id).findFirst().orElse(null);
    }

    public boolean isSwitchable() {
        return getLinked().size() > 1;
    }
}
