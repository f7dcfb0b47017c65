package fr.ent.portal.view;

import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;

import jakarta.faces.application.FacesMessage;

import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The one message helper of the pages: message keys (from boundaries, rules, beans) into the page's language, and
 * into Faces messages, now or after the redirect of a successful post (flash). Refusals thrown by boundaries reach
 * the page through {@code view.error.PageExceptionHandler}, which uses this class too.
 */
public final class Texts {

    private Texts() {
    }

    public static String text(String key, Object... params) {
        String pattern;
        try {
            pattern = Faces.getMessageBundle().getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, Faces.getLocale()).format(params);
    }

    public static void globalError(String key, Object... params) {
        Messages.addGlobal(message(FacesMessage.SEVERITY_ERROR, key, params));
    }

    public static void globalInfo(String key, Object... params) {
        Messages.addGlobal(message(FacesMessage.SEVERITY_INFO, key, params));
    }

    public static void fieldError(String clientId, String key, List<Object> params) {
        Messages.add(clientId, message(FacesMessage.SEVERITY_ERROR, key, params.toArray()));
    }

    /** A successful post: the message shown once on the page its redirect leads to (post-redirect-get). */
    public static void flash(String key, Object... params) {
        Messages.addFlashGlobal(message(FacesMessage.SEVERITY_INFO, key, params));
    }

    /** A warning shown once after a redirect. */
    public static void flashWarn(String key, Object... params) {
        Messages.addFlashGlobal(message(FacesMessage.SEVERITY_WARN, key, params));
    }

    /** The message already in the page's language: nothing formats it again, quotes and braces stay as written. */
    private static FacesMessage message(FacesMessage.Severity severity, String key, Object... params) {
        return new FacesMessage(severity, text(key, params), null);
    }
}
