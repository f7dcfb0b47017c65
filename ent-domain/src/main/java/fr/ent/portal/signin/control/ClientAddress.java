package fr.ent.portal.signin.control;

import java.util.List;

/**
 * The address of the person behind a request, read through the reverse proxies the portal trusts.
 * <p>
 * {@code X-Forwarded-For} is written by whoever sent the request: only the entries appended by trusted proxies can
 * be believed. The walk therefore starts from the right (the hop closest to the portal) and stops at the first
 * address that is not a trusted proxy: everything to its left was written by that untrusted party.
 */
public final class ClientAddress {

    /** Hops read at most; a longer header is a forgery or a loop, and the walk stops at the last trusted hop. */
    static final int MAX_HOPS = 32;

    private ClientAddress() {
    }

    /**
     * @param remoteAddr the address of the TCP peer ({@code HttpServletRequest.getRemoteAddr()})
     * @param xForwardedFor every {@code X-Forwarded-For} header of the request, joined with commas in order
     *                      (null or blank when absent)
     * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} entries are believed
     * @return the first untrusted address from the right; {@code remoteAddr} when the peer is not a trusted proxy;
     *         the last trusted hop when a malformed entry interrupts the walk or every hop is trusted. Never null.
     */
    public static String resolve(String remoteAddr, String xForwardedFor, List<Cidr> trustedProxies) {
        String peer = remoteAddr == null ? "" : remoteAddr.strip();
        if (trustedProxies == null || trustedProxies.isEmpty() || !Cidr.anyContains(trustedProxies, peer)
                || xForwardedFor == null || xForwardedFor.isBlank()) {
            return peer;
        }
        String lastTrusted = peer;
        String[] hops = xForwardedFor.split(",", -1);
        for (int i = hops.length - 1, read = 0; i >= 0 && read < MAX_HOPS; i--, read++) {
            String hop = unbracket(hops[i].strip());
            if (Cidr.Addresses.parse(hop) == null) {
                return lastTrusted;
            }
            if (!Cidr.anyContains(trustedProxies, hop)) {
                return hop;
            }
            lastTrusted = hop;
        }
        return lastTrusted;
    }

    private static String unbracket(String hop) {
        return hop.length() > 2 && hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop;
    }
}
