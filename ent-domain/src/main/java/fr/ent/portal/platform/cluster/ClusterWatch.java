package fr.ent.portal.platform.cluster;

import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Says in the log which members this node sees in Payara's data grid, when that changes, and every minute while it
 * sees fewer than {@code ent.cluster.expected-nodes}: a node started with a wrong member list (or cut off by the
 * network) runs alone, its sessions and sign-in holds unshared, and the log says so plainly.
 * <p>
 * The members are read through Payara's Hazelcast instance (JNDI {@value #HAZELCAST}) by reflection, so that the
 * portal needs no Hazelcast library of its own.
 */
@Startup
@Singleton
public class ClusterWatch {

    static final String HAZELCAST = "payara/Hazelcast";

    private static final Logger LOG = Logger.getLogger(ClusterWatch.class.getName());

    @Inject
    Settings settings;

    private volatile int lastCount = -1;

    @PostConstruct
    void atStart() {
        check();
    }

    @Schedule(second = "0", minute = "*", hour = "*", persistent = false, info = "cluster members")
    void everyMinute() {
        check();
    }

    /** The members this node sees, or -1 when the data grid is off or unreadable. */
    public int members() {
        Collection<?> members = memberList();
        return members == null ? -1 : members.size();
    }

    void check() {
        if (!settings.getBoolean(Setting.CLUSTER_ENABLED)) {
            return;
        }
        int expected = settings.getInt(Setting.CLUSTER_EXPECTED_NODES);
        Collection<?> members = memberList();
        int count = members == null ? 0 : members.size();
        if (count != lastCount) {
            LOG.info("Cluster: this node sees " + count + " member(s) of the data grid: " + members);
        }
        if (count < expected) {
            LOG.warning("Cluster: this node sees " + count + " member(s), " + expected + " expected ("
                    + Setting.CLUSTER_EXPECTED_NODES.key() + "). It runs alone or in a smaller group: sessions and sign-in"
                    + " holds are not shared with the missing nodes. Check the member list (Payara Micro --clustermode"
                    + " tcpip:host:port,…; --hzpublicaddress), the cluster name and that the data grid port is open"
                    + " between the nodes.");
        }
        lastCount = count;
    }

    private static Collection<?> memberList() {
        try {
            Object hazelcast = new InitialContext().lookup(HAZELCAST);
            if (hazelcast == null) {
                return null;
            }
            Class<?> instanceType = Class.forName("com.hazelcast.core.HazelcastInstance", false,
                    hazelcast.getClass().getClassLoader());
            Object cluster = instanceType.getMethod("getCluster").invoke(hazelcast);
            Class<?> clusterType = Class.forName("com.hazelcast.cluster.Cluster", false,
                    hazelcast.getClass().getClassLoader());
            return (Collection<?>) clusterType.getMethod("getMembers").invoke(cluster);
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Data grid members not readable", e);
            return null;
        }
    }
}
