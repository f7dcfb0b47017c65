package fr.ent.portal.view.admin.accounts;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.AccountAdministration;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The second factors on {@code /admin/account}: which ones the account has (never a secret) and "reset" after a lost
 * phone, which {@link AccountAdministration#resetFactors} allows the region for a school admin and the school office for
 * a teacher or a family (404 and audit outside the scope, whatever the page showed).
 */
@Named
@RequestScoped
public class AdminAccountFactorsBacking {

    @Inject
    AdminContext admin;

    @Inject
    AdminAccountBacking page;

    @EJB
    AccountAdministration administration;

    private AccountAdministration.Factors factors;

    public AccountAdministration.Factors getFactors() {
        if (factors == null && page.getDetail() != null) {
            factors = administration.factors(admin.scope(), page.getDetail().id(), admin.client());
        }
        return factors;
    }

    public String reset() {
        if (page.getDetail() == null) {
            throw new NotFoundException("admin.not_found");
        }
        long id = page.getDetail().id();
        administration.resetFactors(admin.scope(), id, admin.client());
        Texts.flash("admin.account.mfa.reset_done");
        return "/admin/account?faces-redirect=true&id=" + id;
    }
}
