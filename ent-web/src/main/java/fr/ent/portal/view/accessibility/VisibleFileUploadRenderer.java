package fr.ent.portal.view.accessibility;

import java.io.IOException;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * {@code p:fileUpload mode="simple"} renders a file field that takes the keyboard focus, yet PrimeFaces marks it
 * {@code aria-hidden="true"}: a focusable field hidden from screen readers (axe: "aria-hidden-focus", serious).
 */
public class VisibleFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(FacesContext context, FileUpload fileUpload, String clientId, String inputId,
                                          String style) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new DroppedAttribute(writer, "aria-hidden", "true"));
        try {
            super.encodeSimpleInputField(context, fileUpload, clientId, inputId, style);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
