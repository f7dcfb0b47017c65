package fr.ent.portal.schooling.entity;

/** What a staff member does in an establishment. */
public enum AssignmentRole {
    TEACHER,
    /** Professeur principal of one division. */
    PRINCIPAL_TEACHER,
    SCHOOL_ADMIN
}
