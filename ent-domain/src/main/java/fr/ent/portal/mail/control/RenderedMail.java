package fr.ent.portal.mail.control;

/** A mail ready to send: subject, plain-text part and HTML part, both parts always present. */
public record RenderedMail(String subject, String text, String html) {
}
