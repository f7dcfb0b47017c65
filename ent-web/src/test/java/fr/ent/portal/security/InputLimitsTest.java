package fr.ent.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class InputLimitsTest {

    static HttpServletRequest request(String uri, long length) {
        return request(uri, length, "application/x-www-form-urlencoded");
    }

    static HttpServletRequest request(String uri, long length, String type) {
        return (HttpServletRequest) Proxy.newProxyInstance(InputLimitsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getContentLengthLong" -> length;
                    case "getContentType" -> type;
                    default -> null;
                });
    }

    @Test
    void onlyTheImportTakesAFile() {
        assertEquals(InputLimits.UPLOAD_BODY, InputLimits.bodyLimit("/admin/import"));
        assertEquals(InputLimits.UPLOAD_BODY, InputLimits.bodyLimit("/admin/import.xhtml"));
        assertEquals(InputLimits.FORM_BODY, InputLimits.bodyLimit("/login"));
        assertEquals(InputLimits.FORM_BODY, InputLimits.bodyLimit("/admin/imports-of-something-else"));
        assertEquals(InputLimits.FORM_BODY, InputLimits.bodyLimit(null));
    }

    @Test
    void aBodyAboveItsAddressLimitIsTooLargeAnUnknownLengthIsLeftToTheContainer() {
        assertTrue(InputLimits.bodyTooLarge(request("/login", InputLimits.FORM_BODY + 1)));
        assertFalse(InputLimits.bodyTooLarge(request("/login", InputLimits.FORM_BODY)));
        assertFalse(InputLimits.bodyTooLarge(request("/admin/import", 8L * 1024 * 1024)));
        assertTrue(InputLimits.bodyTooLarge(request("/admin/import", InputLimits.UPLOAD_BODY + 1)));
        assertFalse(InputLimits.bodyTooLarge(request("/login", -1)), "chunked: the container's limits");
    }

    @Test
    void typedValuesWithinTheirCap() {
        assertTrue(InputLimits.within(null, InputLimits.IDENTIFIER));
        assertTrue(InputLimits.within("x".repeat(InputLimits.IDENTIFIER), InputLimits.IDENTIFIER));
        assertFalse(InputLimits.within("x".repeat(InputLimits.IDENTIFIER + 1), InputLimits.IDENTIFIER));
    }

    @Test
    void multipartOnlyWhereAFileIsTakenWhateverItsAnnouncedLength() {
        assertEquals(415, InputLimits.bodyRefusal(request("/login", -1, "multipart/form-data; boundary=x")), "HTTP/2 or chunked");
        assertEquals(415, InputLimits.bodyRefusal(request("/login", 100, "Multipart/Form-Data; boundary=x")));
        assertEquals(0, InputLimits.bodyRefusal(request("/admin/import", -1, "multipart/form-data; boundary=x")));
        assertEquals(413, InputLimits.bodyRefusal(request("/admin/import", InputLimits.UPLOAD_BODY + 1, "multipart/form-data; b=x")));
        assertEquals(413, InputLimits.bodyRefusal(request("/login", InputLimits.FORM_BODY + 1)));
        assertEquals(0, InputLimits.bodyRefusal(request("/login", 300)));
        assertEquals(0, InputLimits.bodyRefusal(request("/login", -1, null)), "a GET");
    }
}
