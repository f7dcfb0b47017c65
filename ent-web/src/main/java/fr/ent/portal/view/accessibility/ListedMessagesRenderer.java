package fr.ent.portal.view.accessibility;

import java.io.IOException;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;

import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * {@code p:messages} whose list items stay list items: PrimeFaces gives each {@code <li>} {@code role="alert"}, which
 * takes it out of its {@code <ul>} for assistive technologies (axe: "list", serious). The container is already a
 * polite live region, and each field names its own message in {@code aria-describedby}.
 */
public class ListedMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(ResponseWriter writer, Messages messages, FacesMessage message, String severity,
                                 boolean escape) throws IOException {
        super.encodeMessage(new DroppedAttribute(writer, "role", "alert"), messages, message, severity, escape);
    }
}
