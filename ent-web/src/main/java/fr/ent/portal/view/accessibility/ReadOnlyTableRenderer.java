package fr.ent.portal.view.accessibility;

import java.io.IOException;
import java.util.Set;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

import org.primefaces.component.datatable.DataTableRenderer;

/**
 * {@code p:dataTable} as the read-only table it is on this portal's pages (issue 22, item 7): PrimeFaces writes
 * {@code role="grid"} on the table and {@code row}, {@code gridcell}, {@code columnheader} on its parts, which tells a
 * screen reader to expect an interactive grid (arrow keys, editable cells) and gave the HTML checker hundreds of errors.
 * Those roles are left out: the native table semantics remain. A table given {@code <f:attribute name="caption">} gets
 * that text as its {@code <caption>}.
 */
public class ReadOnlyTableRenderer extends DataTableRenderer {

    /** The attribute of {@code p:dataTable} whose value becomes the table's caption. */
    public static final String CAPTION = "caption";

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        Object caption = component.getAttributes().get(CAPTION);
        context.setResponseWriter(new TableWriter(writer, caption == null ? null : caption.toString()));
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(writer);
        }
    }

    /** Leaves out the grid roles of table elements; writes the caption first in the (first) table. */
    static final class TableWriter extends ResponseWriterWrapper {

        static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tfoot", "tr", "th", "td");
        static final Set<String> GRID_ROLES = Set.of("grid", "treegrid", "row", "rowgroup", "gridcell", "columnheader",
                "rowheader");

        private String caption;
        private String element = "";
        private boolean captionDue;

        TableWriter(ResponseWriter wrapped, String caption) {
            super(wrapped);
            this.caption = caption == null || caption.isBlank() ? null : caption;
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            writeDueCaption();
            super.startElement(name, component);
            element = name;
            if ("table".equals(name) && caption != null) {
                captionDue = true;
            }
        }

        @Override
        public void endElement(String name) throws IOException {
            writeDueCaption();
            super.endElement(name);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            writeDueCaption();
            super.writeText(text, property);
        }

        @Override
        public void writeText(Object text, UIComponent component, String property) throws IOException {
            writeDueCaption();
            super.writeText(text, component, property);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            writeDueCaption();
            super.write(buffer, offset, length);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if ("role".equals(name) && TABLE_PARTS.contains(element) && value != null
                    && GRID_ROLES.contains(value.toString())) {
                return;
            }
            super.writeAttribute(name, value, property);
        }

        private void writeDueCaption() throws IOException {
            if (captionDue) {
                captionDue = false;
                String text = caption;
                caption = null; // one table, one caption
                super.startElement("caption", null);
                super.writeText(text, null);
                super.endElement("caption");
            }
        }
    }
}
