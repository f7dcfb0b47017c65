package fr.ent.portal.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The pages the browser tests visit, kept under target/html-pages/ as NAME.html for the Nu HTML checker
 * ({@link HtmlCheckIT}, issue 22 item 7). What is kept is the page as the browser holds it once loaded (its DOM,
 * serialized as HTML), so markup that the portal's or PrimeFaces' scripts add is checked too.
 */
public final class HtmlPages {

    static final Path DIR = Path.of(System.getProperty("html.pages.dir", "target/html-pages"));

    private static final String SOURCE = """
            const doctype = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>\\n' : '';
            return doctype + document.documentElement.outerHTML;""";

    /** The pages of an earlier run are dropped when this run keeps its first one. */
    private static boolean emptied;

    private HtmlPages() {
    }

    private static synchronized void emptyOnce() throws IOException {
        if (!emptied) {
            emptied = true;
            Portal.deleteRecursively(DIR);
        }
    }

    /** Keeps the current page under a name (letters, digits and dashes; the same name overwrites). Never fails a test. */
    public static void keep(WebDriver driver, String name) {
        try {
            String url = driver.getCurrentUrl();
            if (url == null || !url.startsWith(Portal.base().toString())) {
                return; // a page of another site (a tile's service, a CAS test service)
            }
            Object html = ((JavascriptExecutor) driver).executeScript(SOURCE);
            if (html instanceof String text && text.contains("<html")) {
                emptyOnce();
                Files.createDirectories(DIR);
                Files.writeString(DIR.resolve(safe(name) + ".html"), text, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException notKept) {
            // a page that could not be read (an alert open, a download): nothing to check
        }
    }

    /** A file name from a page name or a path: "/admin/audit?type=X" becomes "admin-audit-type-X". */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "root" : safe.length() > 120 ? safe.substring(0, 120) : safe;
    }
}
