package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void queueSizeFollowsLittlesLaw() {
        assertEquals(120, AdmissionGate.littlesLaw(2, Duration.ofMillis(50), Duration.ofSeconds(3)));
        assertEquals(94, AdmissionGate.littlesLaw(1, Duration.ofMillis(32), Duration.ofSeconds(3)));
        assertEquals(0, AdmissionGate.littlesLaw(4, Duration.ofMillis(30), Duration.ZERO));
        assertEquals(AdmissionGate.MAX_QUEUE, AdmissionGate.littlesLaw(64, Duration.ofNanos(1), Duration.ofHours(1)));
    }

    @Test
    void theMeasuredHashTimeResizesTheQueue() {
        AtomicLong nanos = new AtomicLong();
        AdmissionGate gate = new AdmissionGate(1, Duration.ofSeconds(1), nanos::get);
        assertEquals(20, gate.queueLimit(), "50 ms assumed before any measure");
        for (int i = 0; i < 200; i++) {
            AdmissionGate.Pass pass = gate.enter(Priority.NORMAL);
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
            pass.close();
        }
        assertEquals(100, gate.meanHashTime().toMillis(), 1);
        assertEquals(10, gate.queueLimit(), 1);
    }

    @Test
    void aFullQueueRefusesAtOnceButNeverAnAdmittedTicket() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, Duration.ofMinutes(1));
        gate.configure(1, Duration.ofMinutes(1), 1);
        AdmissionGate.Pass first = gate.enter(Priority.NORMAL);
        Future<?> queued = pool.submit(() -> gate.enter(Priority.NORMAL).close());
        awaitQueue(gate, 1);
        AdmissionRefused refused = assertThrows(AdmissionRefused.class, () -> gate.enter(Priority.NORMAL));
        assertEquals(AdmissionRefused.Reason.QUEUE_FULL, refused.reason());
        Future<?> admitted = pool.submit(() -> gate.enter(Priority.ADMITTED).close());
        awaitQueue(gate, 2);
        first.close();
        queued.get(10, TimeUnit.SECONDS);
        admitted.get(10, TimeUnit.SECONDS);
        assertEquals(0, gate.running());
    }

    @Test
    void aWaitThatRunsOutIsRefused() {
        AdmissionGate gate = new AdmissionGate(1, Duration.ZERO);
        gate.configure(1, Duration.ZERO, 5);
        try (AdmissionGate.Pass busy = gate.enter(Priority.NORMAL)) {
            AdmissionRefused refused = assertThrows(AdmissionRefused.class, () -> gate.enter(Priority.NORMAL));
            assertEquals(AdmissionRefused.Reason.WAIT_EXPIRED, refused.reason());
            assertEquals(0, gate.queueLength(), "the refused request left the queue");
        }
    }

    @Test
    void admittedTicketsThenPriorityWindowsThenArrivalOrder() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, Duration.ofMinutes(1));
        gate.configure(1, Duration.ofMinutes(1), 10);
        gate.hold(1);
        List<String> order = new CopyOnWriteArrayList<>();
        String[][] arrivals = {{"normal-1", "NORMAL"}, {"window-1", "WINDOW"}, {"normal-2", "NORMAL"},
                {"admitted-1", "ADMITTED"}, {"window-2", "WINDOW"}};
        List<Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < arrivals.length; i++) {
            String[] arrival = arrivals[i];
            done.add(pool.submit(() -> {
                try (AdmissionGate.Pass pass = gate.enter(Priority.valueOf(arrival[1]))) {
                    order.add(arrival[0]);
                }
            }));
            awaitQueue(gate, i + 1);
        }
        gate.release();
        for (Future<?> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("admitted-1", "window-1", "window-2", "normal-1", "normal-2"), order);
    }

    @Test
    void neverMoreHashesAtOnceThanSlots() {
        AdmissionGate gate = new AdmissionGate(2, Duration.ofMinutes(1));
        AdmissionGate.Pass a = gate.enter(Priority.NORMAL);
        AdmissionGate.Pass b = gate.enter(Priority.NORMAL);
        assertEquals(2, gate.running());
        assertEquals(gate.queueLimit(), gate.room(), "no free slot: only queue places left");
        a.close();
        a.close();
        assertEquals(1, gate.running(), "closing twice frees one slot only");
        b.close();
        assertEquals(0, gate.running());
    }

    @Test
    void listenerSeesWaitsHashesAndRefusals() {
        AtomicLong nanos = new AtomicLong();
        List<String> seen = new CopyOnWriteArrayList<>();
        AdmissionGate gate = new AdmissionGate(1, Duration.ZERO, nanos::get);
        gate.listen(new AdmissionGate.Listener() {
            @Override
            public void waited(Duration wait, Priority priority) {
                seen.add("waited " + wait.toMillis() + " " + priority);
            }

            @Override
            public void hashed(Duration hashTime) {
                seen.add("hashed " + hashTime.toMillis());
            }

            @Override
            public void refused(AdmissionRefused.Reason reason) {
                seen.add("refused " + reason);
            }
        });
        AdmissionGate.Pass pass = gate.enter(Priority.WINDOW);
        nanos.addAndGet(30_000_000);
        assertThrows(AdmissionRefused.class, () -> gate.enter(Priority.NORMAL));
        pass.close();
        assertEquals(List.of("waited 0 WINDOW", "refused QUEUE_FULL", "hashed 30"), seen);
    }

    private static void awaitQueue(AdmissionGate gate, int length) throws InterruptedException {
        for (int i = 0; i < 1000 && gate.queueLength() < length; i++) {
            Thread.sleep(10);
        }
        assertTrue(gate.queueLength() >= length, "queue reached " + length);
    }
}
