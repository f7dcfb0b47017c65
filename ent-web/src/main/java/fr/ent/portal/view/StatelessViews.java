package fr.ent.portal.view;

import java.util.Set;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes the anonymous pages' views transient from the moment they are created, so that they open no HTTP session,
 * and likewise the signed-in pages declared stateless (their template parameter {@code stateless}: /home, where every
 * family lands), so that they keep nothing in the session they have.
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

    /**
     * Signed-in pages whose view keeps no state (the template's {@code stateless} parameter is true on each): without
     * this, PrimeFaces' nonce would still create a view map in the session on each visit (~0.6 KB serialized).
     */
    static final Set<String> SIGNED_IN_STATELESS = Set.of("/home");

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && (stateless(viewId) || stateless(root.getViewId()))) {
            root.setTransient(true);
        }
        return root;
    }

    static boolean anonymous(String viewId) {
        return ANONYMOUS.contains(withoutExtension(viewId));
    }

    static boolean stateless(String viewId) {
        String id = withoutExtension(viewId);
        return ANONYMOUS.contains(id) || SIGNED_IN_STATELESS.contains(id);
    }

    private static String withoutExtension(String viewId) {
        if (viewId == null) {
            return "";
        }
        return viewId.endsWith(".xhtml") ? viewId.substring(0, viewId.length() - ".xhtml".length()) : viewId;
    }
}
