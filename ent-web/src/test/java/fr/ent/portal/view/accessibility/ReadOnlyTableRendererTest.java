package fr.ent.portal.view.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;

import org.junit.jupiter.api.Test;

/** The writer of {@link ReadOnlyTableRenderer}: grid roles left out of table parts, the caption first in the table. */
class ReadOnlyTableRendererTest {

    @Test
    void gridRolesGoAndTheCaptionComesFirst() throws IOException {
        Markup out = new Markup();
        ResponseWriter writer = new ReadOnlyTableRenderer.TableWriter(out, "Journal d’audit");
        writer.startElement("div", null);
        writer.writeAttribute("role", "navigation", null); // not a table part: kept
        writer.startElement("table", null);
        writer.writeAttribute("role", "grid", null);
        writer.startElement("thead", null);
        writer.startElement("tr", null);
        writer.writeAttribute("role", "row", null);
        writer.startElement("th", null);
        writer.writeAttribute("role", "columnheader", null);
        writer.writeAttribute("aria-sort", "ascending", null);
        writer.writeText("Date", null);
        writer.endElement("th");
        writer.endElement("tr");
        writer.endElement("thead");
        writer.startElement("tbody", null);
        writer.startElement("tr", null);
        writer.startElement("td", null);
        writer.writeAttribute("role", "gridcell", null);
        writer.writeText("1", null);
        writer.endElement("td");
        writer.endElement("tr");
        writer.endElement("tbody");
        writer.endElement("table");
        writer.endElement("div");
        assertEquals("<div role=\"navigation\"><table><caption>Journal d’audit</caption><thead><tr>"
                + "<th aria-sort=\"ascending\">Date</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
                + "</div>",
                out.toString());
    }

    @Test
    void withoutCaptionNoneIsWritten() throws IOException {
        Markup out = new Markup();
        ResponseWriter writer = new ReadOnlyTableRenderer.TableWriter(out, null);
        writer.startElement("table", null);
        writer.startElement("tbody", null);
        writer.endElement("tbody");
        writer.endElement("table");
        assertEquals("<table><tbody></tbody></table>", out.toString());
    }

    /** A response writer that keeps the markup as text (start tags closed when content follows). */
    static final class Markup extends ResponseWriter {
        private final StringBuilder text = new StringBuilder();
        private boolean open;

        private void end() {
            if (open) {
                text.append('>');
                open = false;
            }
        }

        @Override public String toString() { end(); return text.toString(); }
        @Override public String getContentType() { return "text/html"; }
        @Override public String getCharacterEncoding() { return "UTF-8"; }
        @Override public void flush() { }
        @Override public void startDocument() { }
        @Override public void endDocument() { }
        @Override public void startElement(String name, UIComponent component) { end(); text.append('<').append(name); open = true; }
        @Override public void endElement(String name) { end(); text.append("</").append(name).append('>'); }
        @Override public void writeAttribute(String name, Object value, String property) {
            text.append(' ').append(name).append("=\"").append(value).append('"');
        }
        @Override public void writeURIAttribute(String name, Object value, String property) { writeAttribute(name, value, property); }
        @Override public void writeComment(Object comment) { end(); }
        @Override public void writeText(Object value, String property) { end(); text.append(value); }
        @Override public void writeText(char[] buffer, int offset, int length) { end(); text.append(buffer, offset, length); }
        @Override public ResponseWriter cloneWithWriter(Writer writer) { return new Markup(); }
        @Override public void write(char[] buffer, int offset, int length) { end(); text.append(buffer, offset, length); }
        @Override public void close() { }
    }
}
