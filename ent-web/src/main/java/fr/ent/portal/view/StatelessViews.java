package fr.ent.portal.view;

import java.util.Set;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes the anonymous pages' views transient from the moment they are created, so that they open no HTTP session.
 * <p>
 * Their template says {@code <f:view transient="true">}, but Facelets applies that only when it builds the view,
 * during rendering, after PrimeFaces' CSP phase listener ran: the view was not yet transient then, so PrimeFaces kept
 * its script nonce in the view map ({@code getViewMap(true)}), and Mojarra's view-scope manager registered that map
 * in a new HTTP session. Marked transient here, the view keeps the nonce per request (in the response's
 * Content-Security-Policy header and the page's {@code PrimeFaces.csp.init}), nothing is stored, and a form posted
 * without a nonce is still refused ({@code CspException}, answered 400 by {@code /error/stale-form}).
 */
public class StatelessViews extends ViewHandlerWrapper {

    /** The views of the anonymous pages (the template's {@code anonymous} parameter is true on each). */
    static final Set<String> ANONYMOUS = Set.of("/login", "/help", "/help/password", "/help/identifier", "/status",
            "/reset", "/verify-email", "/dev/mailbox", "/WEB-INF/errors/404", "/WEB-INF/errors/500");

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && (anonymous(viewId) || anonymous(root.getViewId()))) {
            root.setTransient(true);
        }
        return root;
    }

    static boolean anonymous(String viewId) {
        if (viewId == null) {
            return false;
        }
        String id = viewId.endsWith(".xhtml") ? viewId.substring(0, viewId.length() - ".xhtml".length()) : viewId;
        return ANONYMOUS.contains(id);
    }
}
