package fr.ent.portal.view.children;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;

import org.omnifaces.util.Faces;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.view.Texts;

/**
 * The refusal of a post to /children, shown by the page its redirect leads to. Every post of this page answers with
 * a redirect (a re-rendered postback of this page failed PrimeFaces' CSP nonce check), so this page's refusals do not
 * go through {@code view.error.PageExceptionHandler}: they travel in the session, the last one only.
 */
final class ChildRefusals {

    static final String ATTRIBUTE = "ent.children.refusal";

    record Refusal(String key, Object[] params) implements Serializable {
    }

    private ChildRefusals() {
    }

    static void keep(BusinessException refused) {
        if (refused instanceof InvalidInputException invalid) {
            invalid.errors().forEach(e -> keep(e.key(), e.params().toArray()));
        } else {
            keep(refused.key(), refused.params());
        }
    }

    static void keep(String key, Object... params) {
        Faces.getRequest().getSession().setAttribute(ATTRIBUTE, new Refusal(key, params));
    }

    /** Shows the refusal kept by the previous post, once. */
    static void showKept() {
        HttpSession session = Faces.getRequest().getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Refusal refusal) {
            session.removeAttribute(ATTRIBUTE);
            Texts.globalError(refusal.key(), refusal.params());
        }
    }
}
