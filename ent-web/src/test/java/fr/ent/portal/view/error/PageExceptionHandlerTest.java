package fr.ent.portal.view.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.NotFoundException;

/** The one mapping from what boundaries throw to what a page shows. */
class PageExceptionHandlerTest {

    /** Records what the handler did to the page. */
    static final class RecordedPage implements PageExceptionHandler.Page {
        final boolean postback;
        final String form;
        final List<String> done = new ArrayList<>();

        RecordedPage(boolean postback, String form) {
            this.postback = postback;
            this.form = form;
        }

        @Override public boolean postback() { return postback; }
        @Override public void notFound() { done.add("404"); }
        @Override public String formId() { return form; }
        @Override public void fieldError(String clientId, String key, List<Object> params) {
            done.add(clientId + " " + key + " " + params);
        }
        @Override public void pageError(String key, Object... params) { done.add(key + " " + Arrays.toString(params)); }
        @Override public void redisplay(boolean fieldsRefused) { done.add(fieldsRefused ? "again, invalid" : "again"); }
    }

    /** How Faces and EJB deliver an action's exception to the handler. */
    private static Throwable wrapped(Throwable thrown) {
        return new FacesException(new ELException(new EJBException(thrown instanceof Exception e ? e : null)));
    }

    @Test
    void notFoundIsA404OnAPostAndOnAFirstDisplay() {
        for (boolean postback : new boolean[] {true, false}) {
            RecordedPage page = new RecordedPage(postback, "form");
            assertTrue(PageExceptionHandler.handled(wrapped(new NotFoundException("admin.not_found")), page));
            assertEquals(List.of("404"), page.done);
        }
    }

    @Test
    void invalidInputGoesNextToTheFieldsOfThePostedForm() {
        RecordedPage page = new RecordedPage(true, "password");
        InvalidInputException invalid = new InvalidInputException(List.of(
                new FieldError("password", "password.rule.length", List.of(8)),
                new FieldError("confirmation", "first_connection.error.confirmation_mismatch")));
        assertTrue(PageExceptionHandler.handled(wrapped(invalid), page));
        assertEquals(List.of("password:password password.rule.length [8]",
                "password:confirmation first_connection.error.confirmation_mismatch []", "again, invalid"), page.done);
    }

    @Test
    void aRefusalOrAConflictIsOneMessageForThePageWithItsParameters() {
        RecordedPage page = new RecordedPage(true, "emailForm");
        assertTrue(PageExceptionHandler.handled(wrapped(new BusinessException("account.recoveryEmail.invalid")), page));
        assertTrue(PageExceptionHandler.handled(new FacesException(new ConflictException("admin.account.changed", 3)),
                page));
        assertEquals(List.of("account.recoveryEmail.invalid []", "again", "admin.account.changed [3]", "again"),
                page.done);
    }

    @Test
    void aLostOptimisticLockNoBoundaryNamedHasThePortalsMessage() {
        RecordedPage page = new RecordedPage(true, "service");
        Throwable lost = new EJBException(new RollbackException(new OptimisticLockException("version 3")));
        assertTrue(PageExceptionHandler.handled(new FacesException(lost), page));
        assertEquals(List.of("page.changed_meanwhile []", "again"), page.done);
    }

    @Test
    void aRefusalWhileAPageIsFirstShownAndAnyOtherFailureGoOnToTheErrorPages() {
        RecordedPage get = new RecordedPage(false, "");
        assertFalse(PageExceptionHandler.handled(wrapped(new BusinessException("admin.import.failed")), get));
        RecordedPage post = new RecordedPage(true, "form");
        assertFalse(PageExceptionHandler.handled(wrapped(new IllegalStateException("bug")), post));
        assertFalse(PageExceptionHandler.handled(new FacesException("no cause"), post));
        assertEquals(List.of(), get.done);
        assertEquals(List.of(), post.done);
    }

    @Test
    void aFailureNamesItsKeyForAJobsPage() {
        assertEquals("admin.not_found", PageFailure.of(new NotFoundException("admin.not_found")).key("c", "u"));
        assertEquals("input.invalid", PageFailure.of(new InvalidInputException(List.of())).key("c", "u"));
        assertEquals("admin.import.changed_meanwhile",
                PageFailure.of(new ConflictException("admin.import.changed_meanwhile")).key("c", "u"));
        assertEquals("c", PageFailure.of(new OptimisticLockException()).key("c", "u"));
        assertEquals("u", PageFailure.of(new IllegalStateException()).key("c", "u"));
        assertEquals(List.of(2, "x"), List.of(PageFailure.of(new BusinessException("k", 2, "x")).params()));
        assertEquals(0, PageFailure.of(new IllegalStateException()).params().length);
    }
}
