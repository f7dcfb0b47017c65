package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.config.Setting;

/** Issue 20, item 8: /metrics and /openapi answer only to the configured CIDR list, judged by the real client address. */
class ManagementAccessTest {

    static final List<Cidr> DEFAULT = Cidr.parseList(Setting.HTTP_MANAGEMENT_ALLOWLIST.defaultValue());
    static final List<Cidr> BALANCER = Cidr.parseList("10.0.0.10/32");

    @Test
    void byDefaultLoopbackOnly() {
        ManagementAccess access = new ManagementAccess(DEFAULT, List.of());
        assertTrue(access.allows("127.0.0.1", null));
        assertTrue(access.allows("::1", null));
        assertFalse(access.allows("192.0.2.10", null));
        assertFalse(access.allows("10.0.0.10", null));
    }

    @Test
    void aVisitorThroughTheBalancerIsJudgedByTheirOwnAddress() {
        // the operator allowed the monitoring network and the balancer sits in front of every visitor
        ManagementAccess access = new ManagementAccess(Cidr.parseList("10.0.0.0/24"), BALANCER);
        assertFalse(access.allows("10.0.0.10", "203.0.113.9"), "an outside visitor forwarded by the balancer");
        assertTrue(access.allows("10.0.0.20", null), "the monitoring host, directly");
        assertTrue(access.allows("10.0.0.10", "10.0.0.20"), "the monitoring host through the balancer");
    }

    @Test
    void aForgedForwardedHeaderFromAnUntrustedPeerChangesNothing() {
        ManagementAccess access = new ManagementAccess(DEFAULT, BALANCER);
        assertFalse(access.allows("198.51.100.4", "127.0.0.1"), "an outsider claiming loopback");
        assertFalse(access.allows("10.0.0.10", "127.0.0.1, 198.51.100.4"), "the balancer's entry is the one believed");
    }

    @Test
    void anEmptyListAllowsNobody() {
        assertFalse(new ManagementAccess(List.of(), List.of()).allows("127.0.0.1", null));
    }
}
