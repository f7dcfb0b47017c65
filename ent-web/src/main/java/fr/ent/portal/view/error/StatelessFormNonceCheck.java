package fr.ent.portal.view.error;

import java.io.IOException;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

/**
 * A form posted back to a stateless (transient) view must carry its page's script nonce, checked right after the view
 * is restored, before any value is applied or any action runs. PrimeFaces asks for the nonce only when it renders;
 * a stateless view that signs in and redirects renders nothing, so without this check a post without a nonce would be
 * acted on. A missing or malformed nonce answers the stale-form page (400), as PrimeFaces' own refusal does.
 */
public class StatelessFormNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot root = context.getViewRoot();
        if (!context.isPostback() || root == null || !root.isTransient() || context.getResponseComplete()
                || !PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return;
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (CspException missingOrMalformed) {
            try {
                context.getExternalContext().dispatch("/error/stale-form");
            } catch (IOException e) {
                throw new FacesException(e);
            }
            context.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view is restored
    }
}
