package fr.ent.portal.view.admin.region;

import java.util.Arrays;
import java.util.HashSet;

import fr.ent.portal.admin.boundary.EstablishmentRow.ServiceRow;
import fr.ent.portal.establishment.control.ServiceDraft;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;

/** The fields of {@link CasServiceBacking}'s form: a service of an establishment's list as the CAS server opens it. */
public class CasForm extends ServiceForm {

    private static final long serialVersionUID = 1L;

    private String url;
    private PatternKind kind = PatternKind.PREFIX;
    private String pattern;
    private ReleasedAttribute[] attributes = new ReleasedAttribute[0];
    private boolean singleLogout;

    /** The form filled with the service {@code row} as saved. */
    static CasForm of(ServiceRow row) {
        CasForm form = new CasForm();
        form.version = row.version();
        form.setName(row.name());
        form.url = row.url();
        form.setEnabled(row.enabled());
        form.kind = row.ssoKind() == null ? PatternKind.PREFIX : row.ssoKind();
        form.pattern = row.ssoPattern();
        form.attributes = row.attributes().toArray(new ReleasedAttribute[0]);
        form.singleLogout = row.singleLogout();
        return form;
    }

    /** What was typed, for the boundary to check. */
    ServiceDraft draft() {
        return new ServiceDraft(getName(), url, isEnabled(), null, kind, pattern, new HashSet<>(Arrays.asList(attributes)),
                singleLogout);
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public PatternKind getKind() { return kind; }
    public void setKind(PatternKind kind) { this.kind = kind; }
    public String getPattern() { return pattern; }
    public void setPattern(String pattern) { this.pattern = pattern; }
    public ReleasedAttribute[] getAttributes() { return attributes.clone(); }
    public void setAttributes(ReleasedAttribute[] attributes) {
        this.attributes = attributes == null ? new ReleasedAttribute[0] : attributes.clone();
    }
    public boolean isSingleLogout() { return singleLogout; }
    public void setSingleLogout(boolean singleLogout) { this.singleLogout = singleLogout; }
}
