package fr.ent.portal.registry.control;

/** What an import changes on a person already known (the preview lists them; bundle keys {@code admin.import.change.*}). */
public enum Change {
    LAST_NAME,
    FIRST_NAME,
    BIRTH_DATE,
    /** The pupil moves to another division of the establishment. */
    DIVISION,
    /** A known pupil (e.g. from another establishment) is enrolled here this school year. */
    ENROLLED,
    /** A pupil whose enrollment here had ended is listed again. */
    RE_ENROLLED,
    /** The registry's email becomes the recovery email (only when the account has none). */
    EMAIL,
    /** A representative known only through another establishment's pupils is linked to a pupil here. */
    LINKED
}
