package fr.ent.portal.view.accessibility;

import java.io.IOException;

import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

/** A response writer that leaves out one attribute with one value (PrimeFaces markup that breaks ARIA rules). */
final class DroppedAttribute extends ResponseWriterWrapper {

    private final String name;
    private final String value;

    DroppedAttribute(ResponseWriter wrapped, String name, String value) {
        super(wrapped);
        this.name = name;
        this.value = value;
    }

    @Override
    public void writeAttribute(String attribute, Object attributeValue, String property) throws IOException {
        if (!(name.equals(attribute) && value.equals(String.valueOf(attributeValue)))) {
            super.writeAttribute(attribute, attributeValue, property);
        }
    }
}
