package fr.ent.portal.view.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;

/**
 * The signed-in staff member's administration scope for this request ({@code #{admin}} in pages: which menu
 * entries to show). Pages show what the scope allows; boundaries check it again on every action.
 */
@Named("admin")
@RequestScoped
public class AdminContext {

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @EJB
    AdminScopes scopes;

    private AdminScope scope;

    /** The scope, computed once per request; a person without any administration gets 404 on every admin page. */
    public AdminScope scope() {
        if (scope == null) {
            Long accountId = sessions.accountId(Faces.getRequest());
            if (accountId == null) {
                throw new NotFoundException("admin.not_found");
            }
            scope = scopes.of(accountId);
        }
        return scope;
    }

    /** View action of the admin template: the region's pages need the region, the others any administration. */
    public void require(boolean regionPage) {
        if (regionPage) {
            requireRegion();
        } else {
            requireAny();
        }
    }

    /** Refuses (404) someone with no administration at all. */
    public void requireAny() {
        if (scope().isEmpty()) {
            throw scopes.denied(scope(), client(), "admin", null);
        }
    }

    /** View action of the region's pages. */
    public void requireRegion() {
        scopes.requireRegion(scope(), client(), "region");
    }

    public Client client() {
        return clients.of(Faces.getRequest());
    }

    public boolean isRegion() {
        return scope().region();
    }

    public boolean isSchoolAdmin() {
        return scope().isSchoolAdmin();
    }

    /** Region or school admin: the whole-establishment pages (import, letters by class, figures, audit). */
    public boolean isEstablishmentAdmin() {
        return scope().region() || scope().isSchoolAdmin();
    }

    public boolean isPrincipalTeacherOnly() {
        return scope().isPrincipalTeacherOnly();
    }

    /** Whether to offer the administration link in the header (staff with a scope). */
    public boolean isAvailable() {
        Long accountId = sessions.accountId(Faces.getRequest());
        return accountId != null && !scope().isEmpty();
    }
}
