package fr.ent.portal.view.error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import fr.ent.portal.platform.NotFoundException;

/**
 * Turns a {@link NotFoundException} thrown by a boundary or a view action (an unknown id, or an id outside the
 * staff member's scope) into a plain 404 page, whatever wraps it (EL, EJB, Faces); an expired view into the same page
 * again with a notice ({@link ViewExpiredRedirect}).
 */
public class NotFoundExceptionHandlerFactory extends ExceptionHandlerFactory {

    public NotFoundExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(new ViewExpiredRedirect(getWrapped().getExceptionHandler()));
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable cause = events.next().getContext().getException();
                while (cause != null && !(cause instanceof NotFoundException)) {
                    cause = cause.getCause();
                }
                if (cause != null) {
                    events.remove();
                    if (!context.getExternalContext().isResponseCommitted()) {
                        try {
                            context.getExternalContext().responseReset();
                            context.getExternalContext().responseSendError(404, null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    context.responseComplete();
                }
            }
            getWrapped().handle();
        }
    }
}
