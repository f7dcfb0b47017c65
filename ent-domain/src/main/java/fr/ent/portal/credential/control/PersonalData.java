package fr.ent.portal.credential.control;

/** What a password must not contain: the account's identifier, first name and last name (each may be null). */
public record PersonalData(String identifier, String firstName, String lastName) {

    public static PersonalData none() {
        return new PersonalData(null, null, null);
    }
}
