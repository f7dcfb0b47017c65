package fr.ent.portal.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

/**
 * The signed-in person's identifier as the pages show it (the header, /home's greeting): the caller's name, or the
 * mark a kept rendering asks for in its place ({@link #MARK}, set by {@code HomePageCache}), filled in per request.
 */
@Named
@ApplicationScoped
public class CallerName {

    /** Request attribute: the text to write instead of the identifier while a rendering is made to be kept. */
    public static final String MARK = "ent.callerMark";

    public String getText() {
        HttpServletRequest request = Faces.getRequest();
        Object mark = request.getAttribute(MARK);
        if (mark != null) {
            return mark.toString();
        }
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }
}
