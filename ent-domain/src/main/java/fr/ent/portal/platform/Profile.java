package fr.ent.portal.platform;

/** What a person is for the ENT. */
public enum Profile {
    PUPIL,
    LEGAL_REPRESENTATIVE,
    TEACHER,
    SCHOOL_ADMIN,
    REGION_ADMIN;

    /** Staff of an establishment, who hold {@code Assignment}s. */
    public boolean isStaff() {
        return this == TEACHER || this == SCHOOL_ADMIN;
    }
}
