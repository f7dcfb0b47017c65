package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CidrTest {

    @Test
    void ipv4BlocksContainTheirAddressesOnly() {
        Cidr tenSlash8 = Cidr.parse("10.0.0.0/8");
        assertTrue(tenSlash8.contains("10.0.0.0"));
        assertTrue(tenSlash8.contains("10.255.255.255"));
        assertTrue(tenSlash8.contains(" 10.1.2.3 "));
        assertFalse(tenSlash8.contains("11.0.0.0"));
        assertFalse(tenSlash8.contains("9.255.255.255"));
        assertFalse(tenSlash8.contains("2001:db8::1"), "an IPv6 address is not in an IPv4 block");
        assertTrue(tenSlash8.contains("::ffff:10.9.8.7"), "IPv4-mapped IPv6 is the IPv4 address");

        Cidr odd = Cidr.parse("192.168.1.128/25");
        assertTrue(odd.contains("192.168.1.200"));
        assertFalse(odd.contains("192.168.1.127"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("203.0.113.9"));
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        assertEquals(32, Cidr.parse("203.0.113.7").prefixLength());
        assertTrue(Cidr.parse("203.0.113.7").contains("203.0.113.7"));
        assertFalse(Cidr.parse("203.0.113.7").contains("203.0.113.8"));
        assertEquals(128, Cidr.parse("2001:db8::7").prefixLength());
        assertTrue(Cidr.parse("2001:db8::7").contains("2001:DB8:0:0:0:0:0:7"));
        assertFalse(Cidr.parse("2001:db8::7").contains("2001:db8::8"));
    }

    @Test
    void ipv6BlocksContainTheirAddressesOnly() {
        Cidr doc = Cidr.parse("2001:db8::/32");
        assertTrue(doc.isIpv6());
        assertTrue(doc.contains("2001:db8::1"));
        assertTrue(doc.contains("2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertTrue(doc.contains("[2001:db8::1]"));
        assertTrue(doc.contains("2001:db8::1%eth0"), "a zone id is not part of the address");
        assertFalse(doc.contains("2001:db9::1"));
        assertFalse(doc.contains("10.0.0.1"));
        assertTrue(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1"));
        assertTrue(Cidr.parse("::/0").contains("fe80::1"));
        assertTrue(Cidr.parse("64:ff9b::/96").contains("64:ff9b::192.0.2.33"));
    }

    @Test
    void hostBitsAfterThePrefixAreIgnored() {
        assertEquals(Cidr.parse("192.168.1.0/24"), Cidr.parse("192.168.1.77/24"));
        assertEquals("192.168.1.0/24", Cidr.parse("192.168.1.77/24").toString());
        assertEquals("2001:db8:0:0:0:0:0:0/32", Cidr.parse("2001:db8:1::/32").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.org", "10.0.0.0/33", "2001:db8::/129", "10.0.0/8", "10.0.0.0.0",
            "256.1.1.1", "01.2.3.4", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/8/8", "1.2.3.4/ 8", "::1::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7", "12345::", "g::1", "::ffff:1.2.3", "1.2.3.4::", "0x0a.0.0.1", "١.2.3.4", "10.0.0.0/٨"})
    void junkIsRejectedWhenParsedAndNeverContained(String junk) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(junk));
        assertTrue(failure.getMessage().contains(junk), failure.getMessage());
        assertFalse(Cidr.parse("0.0.0.0/0").contains(junk));
        assertFalse(Cidr.parse("::/0").contains(junk));
    }

    @Test
    void listsAreCommaSeparatedAndFailLoudlyNamingTheWrongEntry() {
        assertEquals(List.of(), Cidr.parseList(""));
        assertEquals(List.of(), Cidr.parseList("  "));
        assertEquals(List.of(), Cidr.parseList(null));
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")), Cidr.parseList("10.0.0.0/8 , 2001:db8::/32"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Cidr.parseList("10.0.0.0/8,proxy.example.org"));
        assertTrue(wrong.getMessage().contains("proxy.example.org"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parseList("10.0.0.0/8,,192.168.0.0/16"));
    }

    @Test
    void containsNeverThrowsOnNull() {
        assertFalse(Cidr.parse("0.0.0.0/0").contains(null));
    }

    @Property(tries = 2000)
    void containsNeverThrowsForAnyText(@ForAll("addressLike") String text) {
        Cidr.parse("0.0.0.0/0").contains(text);
        Cidr.parse("::/0").contains(text);
        Cidr.parse("2001:db8::/48").contains(text);
    }

    @Property(tries = 500)
    void anyStringIsHarmlessToo(@ForAll String text) {
        Cidr.parse("10.0.0.0/8").contains(text);
        Cidr.parse("fe80::/10").contains(text);
    }

    @Property(tries = 500)
    void everyIpv4AddressIsInItsSlash24(@ForAll("octets") int a, @ForAll("octets") int b, @ForAll("octets") int c,
            @ForAll("octets") int d) {
        String address = a + "." + b + "." + c + "." + d;
        assertTrue(Cidr.parse(a + "." + b + "." + c + ".0/24").contains(address));
        assertTrue(Cidr.parse(address).contains(address));
        assertFalse(Cidr.parse(a + "." + b + "." + ((c + 1) % 256) + ".0/24").contains(address));
    }

    @Provide
    Arbitrary<Integer> octets() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF:.[]%/ -x").ofMaxLength(60);
    }
}
