package fr.ent.portal.keys.boundary;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import fr.ent.portal.keys.control.MasterKey;
import fr.ent.portal.keys.control.SealedValues;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.OwnTransaction;

/**
 * The keys the portal signs with, the same on every node and across restarts.
 * <p>
 * The master key comes from {@code ent.security.signing-key} or, when that setting is empty, from the database, where
 * the first node to need it stores a random one. It is loaded on first use (not at deployment, so that the portal
 * deploys while the database is down), then kept in memory. Callers get per-purpose keys derived from it.
 * <p>
 * Bean-managed transactions: the insert-if-absent runs in transactions of its own, apart from the caller's.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SigningKeys {

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private volatile byte[] master;

    /**
     * The key of one purpose (HMAC-SHA256 of the master key and {@code purpose}): 32 bytes, a fresh copy.
     *
     * @throws IllegalStateException when {@code ent.security.signing-key} is set but not a Base64 key of 32 bytes or more
     */
    public byte[] key(String purpose) {
        return MasterKey.derive(master(), purpose);
    }

    /**
     * The one codec of signed values for {@code purpose} ({@link SealedValues}), keyed with {@link #key}{@code (purpose)}.
     *
     * @throws IllegalStateException when {@code ent.security.signing-key} is set but not a Base64 key of 32 bytes or more
     */
    public SealedValues sealer(String purpose) {
        return new SealedValues(purpose, master());
    }

    private byte[] master() {
        byte[] loaded = master;
        if (loaded == null) {
            synchronized (this) {
                if (master == null) {
                    master = load();
                }
                loaded = master;
            }
        }
        return loaded;
    }

    private byte[] load() {
        String configured = settings.get(Setting.SECURITY_SIGNING_KEY);
        if (!configured.isBlank()) {
            return MasterKey.fromSetting(configured);
        }
        return new MasterKey(this::inNewTransaction, new SecureRandom()).loadOrCreate(clock.instant());
    }

    private <T> T inNewTransaction(Function<EntityManager, T> work) {
        return new OwnTransaction(transaction, em, "Signing key").run(work);
    }
}
