package fr.ent.portal.letters.control;

/** Whose letters a class print makes: the pupils, their legal representatives, or both. */
public enum Audience {
    PUPILS(true, false),
    REPRESENTATIVES(false, true),
    BOTH(true, true);

    private final boolean pupils;
    private final boolean representatives;

    Audience(boolean pupils, boolean representatives) {
        this.pupils = pupils;
        this.representatives = representatives;
    }

    public boolean pupils() {
        return pupils;
    }

    public boolean representatives() {
        return representatives;
    }
}
