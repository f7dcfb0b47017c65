package fr.ent.portal.signin.control;

import java.util.Locale;

/**
 * A short label of a browser for the list of remembered devices ("Firefox · Windows"), from its User-Agent. Words are
 * product names, the same in every language; an unknown browser or system is left out ("Navigateur" is the page's
 * job: the label is then empty).
 */
public final class DeviceLabel {

    private DeviceLabel() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge"
                : ua.contains("opr/") || ua.contains("opera") ? "Opera"
                : ua.contains("firefox/") ? "Firefox"
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
        if (browser.isEmpty() || system.isEmpty()) {
            return browser + system;
        }
        return browser + " · " + system;
    }
}
