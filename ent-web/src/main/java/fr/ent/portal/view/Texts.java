package fr.ent.portal.view;

import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;

import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.InvalidInputException;

/** Turns message keys from boundaries into the page's language and into Faces messages. */
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
        Messages.addGlobalError(escapeBraces(text(key, params)));
    }

    public static void globalInfo(String key, Object... params) {
        Messages.addGlobalInfo(escapeBraces(text(key, params)));
    }

    /** Field by field refusals next to their fields (client ids {@code form:field}), or globally. */
    public static void show(BusinessException refusal, String formId) {
        if (refusal instanceof InvalidInputException invalid) {
            for (InvalidInputException.FieldError error : invalid.errors()) {
                Messages.addError(formId + ":" + error.field(), escapeBraces(text(error.key(), error.params().toArray())));
            }
            Faces.validationFailed();
        } else {
            globalError(refusal.key(), refusal.params());
        }
    }

    public static void fieldError(String clientId, String key, List<Object> params) {
        Messages.addError(clientId, escapeBraces(text(key, params.toArray())));
    }

    /** OmniFaces formats messages itself: keep literal braces literal. */
    private static String escapeBraces(String text) {
        return text.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    }
}
