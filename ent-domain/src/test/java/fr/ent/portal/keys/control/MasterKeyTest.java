package fr.ent.portal.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.ent.portal.keys.entity.SigningKey;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;

/** The master key: from the setting, or inserted once in the database (in-memory H2, migrated by Flyway). */
class MasterKeyTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Instant now = Instant.parse("2026-11-10T08:00:00Z");
    private final EntityManagerFactory emf = TestPersistenceUnit.migratedH2("master-key-" + DATABASES.incrementAndGet());

    @AfterEach
    void close() {
        emf.close();
    }

    /** Resource-local transactions on the test database, counting how many were begun. */
    private class LocalTransactions implements MasterKey.Transactions {
        final AtomicInteger begun = new AtomicInteger();

        @Override
        public <T> T inNewTransaction(Function<EntityManager, T> work) {
            begun.incrementAndGet();
            return TestPersistenceUnit.inTransaction(emf, work);
        }
    }

    @Test
    void theFirstUseStoresARandomKeyThatLaterUsesRead() {
        byte[] first = new MasterKey(new LocalTransactions(), new SecureRandom()).loadOrCreate(now);
        assertEquals(32, first.length);
        assertFalse(Arrays.equals(new byte[32], first));
        LocalTransactions again = new LocalTransactions();
        assertArrayEquals(first, new MasterKey(again, new SecureRandom()).loadOrCreate(now.plusSeconds(60)));
        assertEquals(1, again.begun.get(), "an existing key is only read");
        SigningKey row = new LocalTransactions().inNewTransaction(em -> em.find(SigningKey.class, MasterKey.ROW_NAME));
        assertEquals(Base64.getEncoder().encodeToString(first), row.keyValue());
        assertEquals(now, row.createdAt());
    }

    @Test
    void aNodeThatLosesTheRaceToInsertReadsTheWinnersKey() {
        byte[][] winner = new byte[1][];
        MasterKey.Transactions racing = new MasterKey.Transactions() {
            final LocalTransactions local = new LocalTransactions();

            @Override
            public <T> T inNewTransaction(Function<EntityManager, T> work) {
                if (local.begun.get() == 1) {
                    // between this node's read (nothing) and its insert, another node stores its key
                    winner[0] = new MasterKey(new LocalTransactions(), new SecureRandom()).loadOrCreate(now);
                }
                return local.inNewTransaction(work);
            }
        };
        byte[] loser = new MasterKey(racing, new SecureRandom()).loadOrCreate(now);
        assertArrayEquals(winner[0], loser);
        assertArrayEquals(loser, new MasterKey(new LocalTransactions(), new SecureRandom()).loadOrCreate(now));
    }

    @Test
    void nodesStartingAtOnceAgreeOnOneKey() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> keys = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            keys.add(pool.submit(() -> {
                start.await();
                return new MasterKey(new LocalTransactions(), new SecureRandom()).loadOrCreate(now);
            }));
        }
        start.countDown();
        byte[] first = keys.get(0).get(30, TimeUnit.SECONDS);
        for (Future<byte[]> key : keys) {
            assertArrayEquals(first, key.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        long rows = new LocalTransactions().inNewTransaction(
                em -> em.createQuery("select count(k) from SigningKey k", Long.class).getSingleResult());
        assertEquals(1, rows);
    }

    @Test
    void aConfiguredKeyMustBeBase64OfAtLeast32Bytes() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        assertArrayEquals(key, MasterKey.fromSetting(Base64.getEncoder().encodeToString(key)));
        assertArrayEquals(key, MasterKey.fromSetting(" " + Base64.getUrlEncoder().encodeToString(key) + "\n"));
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> MasterKey.fromSetting(Base64.getEncoder().encodeToString(new byte[31])));
        assertTrue(tooShort.getMessage().contains("ent.security.signing-key"), tooShort.getMessage());
        assertTrue(tooShort.getMessage().contains("31"), tooShort.getMessage());
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class, () -> MasterKey.fromSetting("not base64 !"));
        assertTrue(notBase64.getMessage().contains("ent.security.signing-key"), notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("not base64 !"), "the message never shows the value");
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        byte[] master = new byte[32];
        byte[] cookie = MasterKey.derive(master, "device-cookie");
        byte[] ticket = MasterKey.derive(master, "waiting-room");
        assertEquals(32, cookie.length);
        assertFalse(Arrays.equals(cookie, ticket));
        assertArrayEquals(cookie, MasterKey.derive(master.clone(), "device-cookie"), "stable");
        byte[] otherMaster = new byte[32];
        otherMaster[0] = 1;
        assertFalse(Arrays.equals(cookie, MasterKey.derive(otherMaster, "device-cookie")));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.derive(master, " "));
    }
}
