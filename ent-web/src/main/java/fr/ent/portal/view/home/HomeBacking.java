package fr.ent.portal.view.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Backing bean of /home: the signed-in person's landing page (service tiles arrive with the families issue). */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    SecurityContext security;

    public String getIdentifier() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }
}
