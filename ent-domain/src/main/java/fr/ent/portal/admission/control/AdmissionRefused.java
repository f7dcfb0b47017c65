package fr.ent.portal.admission.control;


/** The hash queue could not take a request within the maximum wait: full on arrival, or the wait ran out. */
public class AdmissionRefused extends RuntimeException {

    /** Why it was refused. */
    public enum Reason { QUEUE_FULL, WAIT_EXPIRED }

    private final Reason reason;

    public AdmissionRefused(Reason reason) {
        super("Admission refused: " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
