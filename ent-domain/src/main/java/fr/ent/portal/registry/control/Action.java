package fr.ent.portal.registry.control;

/** What an import does with a person of the file. */
public enum Action {
    CREATE,
    UPDATE,
    UNCHANGED
}
