package fr.ent.portal.view.error;

import java.util.Iterator;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.omnifaces.util.Faces;

/**
 * A form posted to a view that no longer exists (left open past the session, a server restart): the same address
 * again, as a GET, with the layout's notice {@code layout.view_expired}; nothing of the form is applied. OmniFaces'
 * {@code ViewExpiredExceptionHandler}, once declared in faces-config, was never reached in this chain (a 500 page was shown,
 * issue 8's {@code BadInputBrowserIT}; removed by issue 22); this wrapper sits right inside {@link PageExceptionHandlerFactory}'s.
 */
final class ViewExpiredRedirect extends ExceptionHandlerWrapper {

    /** The flash attribute the layout reads (the name OmniFaces uses). */
    static final String FLASH_ATTRIBUTE = "org.omnifaces.view_expired";

    ViewExpiredRedirect(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (context != null && events.hasNext()) {
            Throwable cause = events.next().getContext().getException();
            while (cause != null && !(cause instanceof ViewExpiredException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                events.remove();
                if (!context.getResponseComplete() && !context.getExternalContext().isResponseCommitted()) {
                    context.getExternalContext().getFlash().put(FLASH_ATTRIBUTE, Boolean.TRUE);
                    Faces.refreshWithQueryString();
                }
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }
}
