package fr.ent.portal.account.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A past sign-in shown on the account page: when, from which browser and address (a bean: pages read it). The page
 * shows the device as a person recognises it ({@link #getBrowserName()} on {@link #getSystemName()}), not the raw
 * User-Agent, and no address (staff see addresses on /admin/account).
 */
public final class RecentSignIn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant at;
    private final String browser;
    private final String ip;
    private final String browserName;
    private final String systemName;

    public RecentSignIn(Instant at, String browser, String ip) {
        this.at = at;
        this.browser = browser;
        this.ip = ip;
        fr.ent.portal.platform.DeviceLabel.Device device = fr.ent.portal.platform.DeviceLabel.parse(browser);
        this.browserName = device.browser();
        this.systemName = device.system();
    }

    public Instant getAt() { return at; }
    public java.util.Date getAtDate() { return java.util.Date.from(at); }
    public String getBrowser() { return browser; }
    public String getIp() { return ip; }
    /** "Firefox", or "" when not recognised. */
    public String getBrowserName() { return browserName; }
    /** "Android", or "" when not recognised. */
    public String getSystemName() { return systemName; }
}
