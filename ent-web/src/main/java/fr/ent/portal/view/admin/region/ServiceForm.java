package fr.ent.portal.view.admin.region;

import java.io.Serializable;

/**
 * What the three protocol forms of /admin/region/services have in common ({@link CasForm}, {@link SamlForm},
 * {@link OidcForm}): the service's name, whether it is offered, and the version of the row loaded (a change made
 * meanwhile by someone else is refused by the boundary, not overwritten).
 */
public abstract class ServiceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    long version;
    private String name;
    private boolean enabled = true;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
