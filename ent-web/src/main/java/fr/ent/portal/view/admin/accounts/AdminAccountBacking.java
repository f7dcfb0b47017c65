package fr.ent.portal.view.admin.accounts;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


import fr.ent.portal.admin.boundary.AccountAdministration;
import fr.ent.portal.admin.boundary.AccountDetail;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AddressParameters;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/account?id=N}: one account's detail and the school office's actions on it. Each action sends the id
 * and the version read when the page was shown to {@link AccountAdministration}, which checks the scope again (404
 * outside it) and refuses a change made meanwhile by someone else: the page then says so and keeps what was typed.
 * A successful action redirects to the page again with a flash message (post-redirect-get).
 */
@Named
@ViewScoped
public class AdminAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    AccountAdministration administration;

    private Long id;
    private String idParameter;
    private AccountDetail detail;
    private String email;

    /** View action: the detail, if the scope covers the account (404 otherwise, audited). */
    public void load() {
        id = AddressParameters.id(idParameter);
        detail = administration.detail(admin.scope(), id, admin.client());
    }

    public String saveEmail() {
        return act(() -> administration.setRecoveryEmail(admin.scope(), id, version(), email, admin.client()),
                "admin.account.email.set_done");
    }

    public String clearEmail() {
        return act(() -> administration.clearRecoveryEmail(admin.scope(), id, version(), admin.client()),
                "admin.account.email.cleared_done");
    }

    public String unlock() {
        return act(() -> administration.unlock(admin.scope(), id, version(), admin.client()),
                "admin.account.unlock.done");
    }

    public String disable() {
        return act(() -> administration.disable(admin.scope(), id, version(), admin.client()),
                "admin.account.disable.done");
    }

    public String enable() {
        return act(() -> administration.enable(admin.scope(), id, version(), admin.client()),
                "admin.account.enable.done");
    }

    private long version() {
        return detail == null ? -1 : detail.version();
    }

    private String act(Runnable action, String doneKey) {
        if (id == null) {
            throw new NotFoundException("admin.not_found");
        }
        action.run(); // a refusal: view.error.PageExceptionHandler shows it on this page
        Texts.flash(doneKey);
        return "/admin/account?faces-redirect=true&id=" + id;
    }

    public AccountDetail getDetail() { return detail; }
    public String getId() { return idParameter; }
    /** The view parameter; on a post its value replaces the one read when the page was shown (checked again). */
    public void setId(String id) {
        this.idParameter = id;
        if (id != null) {
            this.id = AddressParameters.id(id);
        }
    }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
