package fr.ent.portal.establishment.entity;

/** How a service's registered address is compared with the {@code service} URL a CAS request names. */
public enum PatternKind {
    /** The service URL starts with the registered address (scheme, host, port and a path ending in /). */
    PREFIX,
    /** The whole service URL matches the registered regular expression (anchored on https and a fixed host). */
    REGEX
}
