package fr.ent.portal.activation.control;

import java.io.Serializable;

/**
 * The activation figures of one class: pupils whose account is ACTIVE, PROVISIONAL with a code still valid (pending),
 * PROVISIONAL with an expired code, PROVISIONAL without any code yet (no letter printed), and DISABLED.
 */
public record ClassFigures(String division, long active, long pending, long expired, long withoutCode, long disabled)
        implements Serializable {

    public long total() {
        return active + pending + expired + withoutCode + disabled;
    }

    /** Accounts still to activate: pending, expired or without code. */
    public long toActivate() {
        return pending + expired + withoutCode;
    }
}
