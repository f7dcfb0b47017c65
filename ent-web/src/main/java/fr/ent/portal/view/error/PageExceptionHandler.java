package fr.ent.portal.view.error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import jakarta.faces.component.UIForm;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.omnifaces.util.Components;

import fr.ent.portal.view.Texts;

/**
 * Boundaries refuse by throwing; backing beans do not catch. Here, whatever wraps the exception
 * ({@link PageFailure#of}):
 * <ul>
 * <li>{@code NotFoundException} (an unknown id, one outside the staff member's scope): a plain 404, in any phase;</li>
 * <li>on a post, {@code InvalidInputException}: each message next to its field of the posted form; any other
 * {@code BusinessException} (conflicts included): its message for the page; a lost optimistic lock no boundary
 * named: {@code page.changed_meanwhile}. The same view is shown again with what was typed, nothing saved;</li>
 * <li>anything else (and a refusal while a page is first shown) goes on to the next handler: the error pages.</li>
 * </ul>
 */
final class PageExceptionHandler extends ExceptionHandlerWrapper {

    /** What the handler does to the page being answered (Faces here; a recording fake in the unit test). */
    interface Page {
        boolean postback();

        void notFound();

        /** The client id of the posted form, to which the field names of a refusal belong. */
        String formId();

        void fieldError(String clientId, String key, List<Object> params);

        void pageError(String key, Object... params);

        /** The same view again; {@code fieldsRefused}: marked as failed validation, as a Faces validator would. */
        void redisplay(boolean fieldsRefused);
    }

    PageExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (context != null && events.hasNext()) {
            if (handled(events.next().getContext().getException(), new FacesPage(context))) {
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /** Shows what the exception means on the page; false when it is not ours to show (left to the next handler). */
    static boolean handled(Throwable thrown, Page page) {
        PageFailure failure = PageFailure.of(thrown);
        if (failure instanceof PageFailure.NotFound) {
            page.notFound();
            return true;
        }
        if (!page.postback() || failure instanceof PageFailure.Unexpected) {
            return false;
        }
        if (failure instanceof PageFailure.Fields fields) {
            String form = page.formId();
            fields.errors().forEach(e -> page.fieldError(form.isEmpty() ? e.field() : form + ":" + e.field(), e.key(),
                    e.params()));
        } else if (failure instanceof PageFailure.ChangedMeanwhile) {
            page.pageError(PageFailure.CHANGED_MEANWHILE);
        } else {
            page.pageError(failure.key(null, null), failure.params());
        }
        page.redisplay(failure instanceof PageFailure.Fields);
        return true;
    }

    private record FacesPage(FacesContext context) implements Page {

        @Override
        public boolean postback() {
            return context.isPostback();
        }

        @Override
        public void notFound() {
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

        @Override
        public String formId() {
            UIForm form = Components.getCurrentForm();
            return form == null ? "" : form.getClientId(context);
        }

        @Override
        public void fieldError(String clientId, String key, List<Object> params) {
            Texts.fieldError(clientId, key, params);
        }

        @Override
        public void pageError(String key, Object... params) {
            Texts.globalError(key, params);
        }

        @Override
        public void redisplay(boolean fieldsRefused) {
            if (fieldsRefused) {
                context.validationFailed();
            }
            context.renderResponse();
        }
    }
}
