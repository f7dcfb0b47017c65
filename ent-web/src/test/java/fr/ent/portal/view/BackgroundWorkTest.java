package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.view.error.PageFailure;

class BackgroundWorkTest {

    @Test
    void whileRunningItShowsTheJobsProgressAndCollectsNothing() {
        CompletableFuture<String> job = new CompletableFuture<>();
        AtomicInteger progress = new AtomicInteger(40);
        BackgroundWork<String> work = BackgroundWork.of(job, progress::get);
        assertEquals(40, work.percent());
        progress.set(250);
        assertEquals(100, work.percent());
        progress.set(-3);
        assertEquals(0, work.percent());
        assertNull(work.collect());
    }

    @Test
    void aFinishedJobIsCollectedOnceWithItsResultAndShows100() {
        CompletableFuture<String> job = new CompletableFuture<>();
        BackgroundWork<String> work = BackgroundWork.of(job, () -> 99);
        job.complete("letters.pdf");
        assertEquals(100, work.percent());
        BackgroundWork.Outcome<String> outcome = work.collect();
        assertEquals("letters.pdf", assertInstanceOf(BackgroundWork.Done.class, outcome).result());
        assertNull(work.collect(), "a second poll collects nothing");
        assertSame(outcome, work.outcome(), "the outcome stays readable");
    }

    @Test
    void aFailedJobIsCollectedAsWhatItsExceptionMeansForAPage() {
        assertEquals(new PageFailure.NotFound("admin.not_found"), failure(new NotFoundException("admin.not_found")));
        PageFailure refused = failure(new EJBException(new IllegalStateException(new BusinessException("k", 1))));
        assertEquals("k", assertInstanceOf(PageFailure.Message.class, refused).key());
        assertEquals(new PageFailure.ChangedMeanwhile(), failure(new EJBException(new OptimisticLockException())));
        assertInstanceOf(PageFailure.Unexpected.class, failure(new IllegalStateException("bug")));
    }

    private static PageFailure failure(Throwable thrown) {
        BackgroundWork<String> work = BackgroundWork.of(CompletableFuture.failedFuture(thrown), () -> 0);
        return ((BackgroundWork.Failed<String>) work.collect()).failure();
    }

    @Test
    void anInterruptedWaitIsAFailureAndKeepsTheInterrupt() {
        CompletableFuture<String> job = new CompletableFuture<>();
        BackgroundWork<String> work = BackgroundWork.of(job, () -> 0);
        Thread.currentThread().interrupt();
        try {
            assertInstanceOf(PageFailure.Unexpected.class,
                    assertInstanceOf(BackgroundWork.Failed.class, work.outcome()).failure());
            assertEquals(true, Thread.interrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
