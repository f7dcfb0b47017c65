package fr.ent.portal.signin.control;

import java.util.List;

/**
 * Who may read the server's management endpoints ({@code /metrics}, {@code /openapi}): a client whose address —
 * resolved through the trusted proxies like every other client address ({@link ClientAddress}) — lies in the configured
 * CIDR list ({@code ent.http.management-allowlist}, loopback by default). A visitor coming through the load balancer is
 * judged by their own address, not the balancer's.
 */
public final class ManagementAccess {

    private final List<Cidr> allowlist;
    private final List<Cidr> trustedProxies;

    public ManagementAccess(List<Cidr> allowlist, List<Cidr> trustedProxies) {
        this.allowlist = List.copyOf(allowlist);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public boolean allows(String remoteAddr, String xForwardedFor) {
        return Cidr.anyContains(allowlist, ClientAddress.resolve(remoteAddr, xForwardedFor, trustedProxies));
    }
}
