package fr.ent.portal.platform;

import java.util.Locale;

/**
 * A short label of a browser for the list of remembered devices ("Firefox · Windows"), from its User-Agent. Words are
 * product names, the same in every language; an unknown browser or system is left out ("Navigateur" is the page's
 * job: the label is then empty).
 */
public final class DeviceLabel {

    private DeviceLabel() {
    }

    /** The browser and the system of a User-Agent, each a product name, or "" when not recognised. */
    public record Device(String browser, String system) {

        public boolean known() {
            return !browser.isEmpty() || !system.isEmpty();
        }
    }

    public static String of(String userAgent) {
        Device device = parse(userAgent);
        if (device.browser().isEmpty() || device.system().isEmpty()) {
            return device.browser() + device.system();
        }
        return device.browser() + " · " + device.system();
    }

    /**
     * What a person recognises of a User-Agent ("Firefox", "Android"): the account page says "Firefox sur Android"
     * (issue 22, item 7) rather than the raw string. No lookup anywhere: the words come from the string alone.
     */
    public static Device parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device("", "");
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/") ? "Edge"
                : ua.contains("opr/") || ua.contains("opera") ? "Opera"
                : ua.contains("firefox/") || ua.contains("fxios/") ? "Firefox"
                : ua.contains("samsungbrowser/") ? "Samsung Internet"
                : ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/") ? "Chrome"
                : ua.contains("safari/") ? "Safari"
                : "";
        String system = ua.contains("android") ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows"
                : ua.contains("mac os x") || ua.contains("macintosh") ? "macOS"
                : ua.contains("cros") ? "ChromeOS"
                : ua.contains("linux") ? "Linux"
                : "";
        return new Device(browser, system);
    }
}
