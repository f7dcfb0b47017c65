package fr.ent.portal.myaccount.boundary;

import java.io.Serializable;

/** What the account page shows about the person (a bean: pages read it). */
public final class AccountSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String identifier;
    private final String firstName;
    private final String lastName;
    private final String recoveryEmail;
    private final boolean emailVerified;

    AccountSummary(String identifier, String firstName, String lastName, String recoveryEmail, boolean emailVerified) {
        this.identifier = identifier;
        this.firstName = firstName;
        this.lastName = lastName;
        this.recoveryEmail = recoveryEmail;
        this.emailVerified = emailVerified;
    }

    public String getIdentifier() { return identifier; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getRecoveryEmail() { return recoveryEmail; }
    public boolean isEmailVerified() { return emailVerified; }
}
