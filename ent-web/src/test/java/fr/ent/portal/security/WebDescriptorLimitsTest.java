package fr.ent.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import fr.ent.portal.platform.config.Setting;

/**
 * Issue 20, item 8: what the container applies before the application runs, read from the deployment descriptors.
 * The multipart limits sit on the Faces servlet (without them Mojarra registered it with no limit, and any form post,
 * /login included, could send a body of any size to be parsed to disk); JSESSIONID gets SameSite=Lax from
 * glassfish-web.xml (the black-box check of the header: SessionSecurityIT).
 */
class WebDescriptorLimitsTest {

    static Document read(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(Path.of("src", "main", "webapp", "WEB-INF", file).toFile());
    }

    static long number(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        assertEquals(1, nodes.getLength(), name);
        return Long.parseLong(nodes.item(0).getTextContent().strip());
    }

    @Test
    void theFacesServletParsesMultipartWithinLimits() throws Exception {
        Element faces = null;
        NodeList servlets = read("web.xml").getElementsByTagName("servlet");
        for (int i = 0; i < servlets.getLength(); i++) {
            Element servlet = (Element) servlets.item(i);
            if ("jakarta.faces.webapp.FacesServlet".equals(
                    servlet.getElementsByTagName("servlet-class").item(0).getTextContent().strip())) {
                faces = servlet;
            }
        }
        assertNotNull(faces, "the Faces servlet is declared in web.xml");
        NodeList configs = faces.getElementsByTagName("multipart-config");
        assertEquals(1, configs.getLength(), "the Faces servlet has a multipart-config");
        Element config = (Element) configs.item(0);
        long maxFile = number(config, "max-file-size");
        long maxRequest = number(config, "max-request-size");
        long importMax = Long.parseLong(Setting.IMPORT_MAX_BYTES.defaultValue());
        assertTrue(maxFile >= importMax, "a registry file of ent.import.max-bytes still fits");
        assertTrue(maxFile > 0 && maxFile <= 32L * 1024 * 1024, "bounded file: " + maxFile);
        assertTrue(maxRequest >= maxFile && maxRequest <= 33L * 1024 * 1024, "bounded request: " + maxRequest);
        assertTrue(number(config, "file-size-threshold") <= 2L * 1024 * 1024, "large parts go to disk, not the heap");
        assertEquals(InputLimits.UPLOAD_FILE, maxFile, "InputLimits and web.xml name the same file limit");
        assertEquals(InputLimits.UPLOAD_BODY, maxRequest, "InputLimits and web.xml name the same request limit");
    }

    @Test
    void theSessionCookieIsSameSiteLax() throws Exception {
        NodeList properties = read("glassfish-web.xml").getElementsByTagName("property");
        String sameSite = null;
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if ("cookieSameSite".equals(property.getAttribute("name"))
                    && "cookie-properties".equals(property.getParentNode().getNodeName())) {
                sameSite = property.getAttribute("value");
            }
        }
        assertEquals("Lax", sameSite);
    }
}
