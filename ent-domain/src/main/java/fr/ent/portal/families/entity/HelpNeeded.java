package fr.ent.portal.families.entity;

import java.util.Objects;

/**
 * A family needs the school office: fired (CDI event) by the families boundaries inside their transaction.
 * For now only audited ({@code HelpNeededAudit}); the help-requests feature will open a request from it.
 *
 * @param representativeId the legal representative asking
 * @param pupilId          the child concerned, null when the child is missing from the list
 * @param establishmentId  the school office to ask, null when unknown
 * @param text             what the representative wrote (may be empty)
 */
public record HelpNeeded(Kind kind, long representativeId, Long pupilId, Long establishmentId, String text) {

    public enum Kind {
        /** "This is not my child": a declared child the representative does not recognise. */
        NOT_MY_CHILD,
        /** "A child is missing": a child the schools did not declare for this representative. */
        MISSING_CHILD,
        /** Too many wrong birth dates: the child's attachment is suspended. */
        CHILD_ATTACHMENT_FAILED
    }

    public HelpNeeded {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.strip();
    }
}
