package fr.ent.portal.families.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import fr.ent.portal.families.control.ServiceTiles.Service;

/** The tile cache per establishment: read once, read again after an edit, on this node and on the others. */
class ServiceTilesTest {

    private final ConcurrentMap<String, String> grid = new ConcurrentHashMap<>();
    private final ServiceTiles node = new ServiceTiles(grid);
    private final ServiceTiles otherNode = new ServiceTiles(grid);
    private final AtomicInteger reads = new AtomicInteger();
    private volatile List<Service> inDatabase = List.of(new Service("Pronote", "https://pronote.example.org", true));

    private final Supplier<List<Service>> load = () -> {
        reads.incrementAndGet();
        return inDatabase;
    };

    @Test
    void anEstablishmentsServicesAreReadOnceForAllItsUsers() {
        List<Service> first = node.of(7, load);
        for (int i = 0; i < 100; i++) {
            assertSame(first, node.of(7, load));
        }
        assertEquals(1, reads.get());
        node.of(8, load);
        assertEquals(2, reads.get(), "each establishment has its own entry");
    }

    @Test
    void anEditIsSeenAtTheNextRenderOnEveryNode() {
        node.of(7, load);
        otherNode.of(7, load);
        assertEquals(2, reads.get());

        inDatabase = List.of(new Service("Pronote", "https://pronote.example.org", true),
                new Service("CDI", "https://cdi.example.org", false));
        node.changed(7); // the region's edit committed on the first node
        assertEquals(2, node.of(7, load).size());
        assertEquals(2, otherNode.of(7, load).size(), "the other node sees the new stamp in the grid");
        assertEquals(4, reads.get());
        otherNode.of(7, load);
        assertEquals(4, reads.get(), "then cached again");
    }

    @Test
    void anEditOfAnotherEstablishmentKeepsThisOnesEntry() {
        node.of(7, load);
        node.changed(8);
        node.of(7, load);
        assertEquals(1, reads.get());
    }
}
