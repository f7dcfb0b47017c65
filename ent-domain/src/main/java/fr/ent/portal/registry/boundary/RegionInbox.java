package fr.ent.portal.registry.boundary;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.SchemaMigration;
import fr.ent.portal.registry.control.AafInboxRun;

/**
 * Every {@code ent.directory.inbox.interval}, on every node, looks into the region's AAF inbox
 * ({@link RegionFeed#run}); the nodes share the files by claiming each with a row. No timer when the inbox is not set.
 * The timer is not persistent: the records of the files are the memory.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegionInbox {

    private static final Logger LOG = Logger.getLogger(RegionInbox.class.getName());

    @Resource
    TimerService timers;

    @EJB
    RegionFeed feed;

    @Inject
    Settings settings;

    @Inject
    SchemaMigration schema;

    private final AtomicBoolean running = new AtomicBoolean();
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    @PostConstruct
    void start() {
        if (settings.get(Setting.DIRECTORY_INBOX).isBlank()) {
            return;
        }
        Duration every = settings.getDuration(Setting.DIRECTORY_INBOX_INTERVAL);
        long millis = Math.max(1000, every.toMillis());
        timers.createIntervalTimer(Math.min(millis, 10_000), millis, new TimerConfig("aaf inbox", false));
        LOG.info(() -> "AAF inbox " + settings.get(Setting.DIRECTORY_INBOX) + " looked into every " + every);
    }

    @Timeout
    void look() {
        if (!schema.isMigrated() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            AafInboxRun.Result result = feed.run(node);
            if (result != null && (!result.imported().isEmpty() || !result.failed().isEmpty())) {
                LOG.info(() -> "AAF inbox: imported " + result.imported().size() + " file(s), failed "
                        + result.failed().size() + ", waiting " + result.waiting().size());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AAF inbox round interrupted: " + e.getClass().getName(), e);
        } finally {
            running.set(false);
        }
    }
}
