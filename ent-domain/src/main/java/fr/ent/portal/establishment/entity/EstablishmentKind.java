package fr.ent.portal.establishment.entity;

/** The kinds of establishment the region's ENT serves. */
public enum EstablishmentKind {
    ECOLE,
    COLLEGE,
    LYCEE,
    LYCEE_PROFESSIONNEL,
    LYCEE_AGRICOLE,
    EREA,
    CFA
}
