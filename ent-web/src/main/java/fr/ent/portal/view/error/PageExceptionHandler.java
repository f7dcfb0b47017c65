package fr.ent.portal.view.error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import jakarta.faces.component.UIForm;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.omnifaces.util.Components;

import fr.ent.portal.view.Texts;

/**
 * Boundaries refuse by throwing; backing beans do not catch. Here, whatever wraps the exception:
 * <ul>
 * <li>{@code NotFoundException} (an unknown id, one outside the staff member's scope): a plain 404, in any phase;</li>
 * <li>on a post, {@code InvalidInputException}: each message next to its field of the posted form;
 * any other {@code BusinessException} (conflicts included): its message for the page; a lost optimistic lock
 * no boundary named: {@code page.changed_meanwhile};
 * the same view is shown again with what was typed, nothing saved;</li>
 * <li>anything else goes on to the next handler (error pages).</li>
 * </ul>
 */
final class PageExceptionHandler extends ExceptionHandlerWrapper {

    PageExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (context != null && events.hasNext()) {
            PageFailure failure = PageFailure.of(events.next().getContext().getException());
            if (failure instanceof PageFailure.NotFound) {
                events.remove();
                notFound(context);
            } else if (context.isPostback() && !(failure instanceof PageFailure.Unexpected)) {
                events.remove();
                show(failure, formId());
                context.renderResponse();
            }
        }
        getWrapped().handle();
    }

    /** Adds the messages of a refusal: next to the fields of form {@code formId}, or for the whole page. */
    static void show(PageFailure failure, String formId) {
        if (failure instanceof PageFailure.Fields fields) {
            fields.errors().forEach(e -> Texts.fieldError(formId + ":" + e.field(), e.key(), e.params()));
            FacesContext.getCurrentInstance().validationFailed();
        } else if (failure instanceof PageFailure.Message message) {
            Texts.globalError(message.key(), message.params());
        } else if (failure instanceof PageFailure.ChangedMeanwhile) {
            Texts.globalError(PageFailure.CHANGED_MEANWHILE);
        }
    }

    private static String formId() {
        UIForm form = Components.getCurrentForm();
        return form == null ? "" : form.getClientId();
    }

    private static void notFound(FacesContext context) {
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
