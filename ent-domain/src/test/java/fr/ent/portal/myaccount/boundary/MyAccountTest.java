package fr.ent.portal.myaccount.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MyAccountTest {

    @Test
    void theNewAddressIsMaskedInTheNoticeToTheOldOne() {
        assertEquals("c•••@example.org", MyAccount.masked("c.durand@example.org"));
        assertEquals("•••", MyAccount.masked("@example.org"));
        assertEquals("•••", MyAccount.masked("no-at-sign"));
    }
}
