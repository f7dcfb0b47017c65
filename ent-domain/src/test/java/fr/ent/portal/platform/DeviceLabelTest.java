package fr.ent.portal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeviceLabelTest {

    @Test
    void commonBrowsersGetAShortLabel() {
        assertEquals("Firefox · Windows", DeviceLabel.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals("Chrome · Android", DeviceLabel.of(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"));
        assertEquals("Safari · iOS", DeviceLabel.of(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge · Windows", DeviceLabel.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0"));
        assertEquals("Chrome · macOS", DeviceLabel.of(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"));
    }

    @Test
    void unknownOrMissingGivesWhatIsKnown() {
        assertEquals("", DeviceLabel.of(null));
        assertEquals("", DeviceLabel.of("Java-http-client/17.0.15"));
        assertEquals("Linux", DeviceLabel.of("curl (X11; Linux)"));
    }

    @Test
    void aDeviceIsItsBrowserAndItsSystem() {
        assertEquals(new DeviceLabel.Device("Firefox", "Android"), DeviceLabel.parse(
                "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"));
        assertEquals(new DeviceLabel.Device("Firefox", "iOS"), DeviceLabel.parse(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15"));
        assertEquals(new DeviceLabel.Device("Samsung Internet", "Android"), DeviceLabel.parse(
                "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0 Mobile Safari/537.36"));
        assertEquals(new DeviceLabel.Device("Chrome", "Linux"), DeviceLabel.parse(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36"));
        assertEquals(new DeviceLabel.Device("", ""), DeviceLabel.parse("Java-http-client/17.0.15"));
        assertEquals(false, DeviceLabel.parse(null).known());
        assertEquals(true, DeviceLabel.parse("curl (X11; Linux)").known());
    }
}
