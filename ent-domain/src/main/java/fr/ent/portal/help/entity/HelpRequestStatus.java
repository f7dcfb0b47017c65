package fr.ent.portal.help.entity;

/** A help request waits (OPEN) until someone at the school deals with it (RESOLVED). */
public enum HelpRequestStatus {
    OPEN,
    RESOLVED
}
