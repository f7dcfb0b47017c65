package fr.ent.portal.families.boundary;

import java.io.Serializable;

/**
 * A child a school declared for a representative, as the representative may see it before confirming: first name
 * and establishment only (a bean: pages read it).
 */
public final class DeclaredChild implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String firstName;
    private final Long establishmentId;
    private final String establishmentName;
    private final boolean attached;
    private final boolean suspended;

    DeclaredChild(long id, String firstName, Long establishmentId, String establishmentName, boolean attached,
                  boolean suspended) {
        this.id = id;
        this.firstName = firstName;
        this.establishmentId = establishmentId;
        this.establishmentName = establishmentName;
        this.attached = attached;
        this.suspended = suspended;
    }

    /** The responsibility's id: what the page posts back. */
    public long getId() { return id; }
    public String getFirstName() { return firstName; }
    public Long getEstablishmentId() { return establishmentId; }
    public String getEstablishmentName() { return establishmentName; }
    public boolean isAttached() { return attached; }
    public boolean isSuspended() { return suspended; }
    public boolean isPending() { return !attached && !suspended; }
}
