package fr.ent.portal.federation.control;

/**
 * A SAML message refused before anything is issued: its reason goes to the audit trail (never the message itself).
 */
public class SamlRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public SamlRefused(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
