package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ClientAddressTest {

    /** The load balancer (10.0.0.0/24) and a CDN edge (2001:db8:cafe::/48). */
    private static final List<Cidr> PROXIES = Cidr.parseList("10.0.0.0/24, 2001:db8:cafe::/48");

    @Test
    void withoutProxyThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", ClientAddress.resolve("203.0.113.7", "198.51.100.1", PROXIES));
        assertEquals("203.0.113.7", ClientAddress.resolve("203.0.113.7", "10.0.0.1", PROXIES));
        assertEquals("203.0.113.7", ClientAddress.resolve("203.0.113.7", "198.51.100.1", List.of()));
    }

    @Test
    void throughOneTrustedProxyTheEntryItAppendedIsTheClient() {
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.1", "198.51.100.1", PROXIES));
        assertEquals("2a01:e0a::5", ClientAddress.resolve("10.0.0.1", " 2a01:e0a::5 ", PROXIES));
    }

    @Test
    void throughSeveralTrustedProxiesTheWalkSkipsThemFromTheRight() {
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.1", "198.51.100.1, 2001:db8:cafe::9, 10.0.0.2", PROXIES));
    }

    @Test
    void aClientCannotChooseItsAddressByWritingTheHeaderItself() {
        // the client sends "X-Forwarded-For: 1.2.3.4"; the trusted proxy appends the real peer
        assertEquals("203.0.113.7", ClientAddress.resolve("10.0.0.1", "1.2.3.4, 203.0.113.7", PROXIES));
        // pretending to be one of our proxies does not help either
        assertEquals("203.0.113.7", ClientAddress.resolve("10.0.0.1", "198.51.100.1, 10.0.0.2, 203.0.113.7", PROXIES));
        // nor does a second header line, joined by the caller in order
        assertEquals("203.0.113.7", ClientAddress.resolve("10.0.0.1", "8.8.8.8,8.8.4.4, 203.0.113.7", PROXIES));
        // a school allowlisted address written by the client is left of the real one, hence ignored
        assertEquals("203.0.113.7", ClientAddress.resolve("10.0.0.1", "172.16.5.5, 203.0.113.7", PROXIES));
    }

    @Test
    void aMalformedEntryStopsTheWalkAtTheLastTrustedHop() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "198.51.100.1, unknown", PROXIES));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.1", "198.51.100.1, evil.example.org, 10.0.0.2", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "198.51.100.1, ", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "198.51.100.1:4711", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "<script>", PROXIES));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostTrustedOneIsReturned() {
        assertEquals("10.0.0.3", ClientAddress.resolve("10.0.0.1", "10.0.0.3, 10.0.0.2", PROXIES));
    }

    @Test
    void noHeaderMeansThePeer() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "  ", PROXIES));
        assertEquals("", ClientAddress.resolve(null, "198.51.100.1", PROXIES));
    }

    @Test
    void bracketedIpv6EntriesAreUnderstood() {
        assertEquals("2a01:e0a::5", ClientAddress.resolve("2001:db8:cafe::1", "[2a01:e0a::5]", PROXIES));
    }

    @Test
    void aHugeHeaderOfTrustedHopsIsNotWalkedForever() {
        String many = String.join(",", java.util.Collections.nCopies(10_000, "10.0.0.9"));
        assertEquals("10.0.0.9", ClientAddress.resolve("10.0.0.1", "198.51.100.1," + many, PROXIES));
    }

    @Property(tries = 1000)
    void neverNullNorThrowing(@ForAll String remote, @ForAll String header) {
        assertNotNull(ClientAddress.resolve(remote, header, PROXIES));
        assertNotNull(ClientAddress.resolve("10.0.0.1", header, PROXIES));
    }
}
