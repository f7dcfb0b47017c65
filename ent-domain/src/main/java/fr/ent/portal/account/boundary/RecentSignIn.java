package fr.ent.portal.account.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A past sign-in shown on the account page: when, from which browser and address (a bean: pages read it). */
public final class RecentSignIn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant at;
    private final String browser;
    private final String ip;

    public RecentSignIn(Instant at, String browser, String ip) {
        this.at = at;
        this.browser = browser;
        this.ip = ip;
    }

    public Instant getAt() { return at; }
    public java.util.Date getAtDate() { return java.util.Date.from(at); }
    public String getBrowser() { return browser; }
    public String getIp() { return ip; }
}
