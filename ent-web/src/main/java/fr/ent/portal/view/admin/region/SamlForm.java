package fr.ent.portal.view.admin.region;

import java.util.ArrayList;
import java.util.List;

import fr.ent.portal.federation.control.SamlAttribute;
import fr.ent.portal.federation.control.SpDraft;
import fr.ent.portal.federation.entity.SamlServiceProvider;

/** The fields of {@link SamlBacking}'s form: a service provider as registered, besides its metadata file. */
public class SamlForm extends ServiceForm {

    private static final long serialVersionUID = 1L;

    private String entityId;
    private String acs;
    private List<String> attributes = new ArrayList<>(SamlAttribute.GAR.stream().map(Enum::name).toList());
    private boolean transientNameId;
    private boolean signedRequests;
    private String uais;
    private boolean singleLogout = true;
    private String startUrl;

    /** The form filled with {@code provider} as registered. */
    static SamlForm of(SamlServiceProvider provider) {
        SamlForm form = new SamlForm();
        form.version = provider.version();
        form.setName(provider.name());
        form.entityId = provider.entityId();
        form.acs = provider.acsUrl();
        form.attributes = new ArrayList<>(SamlAttribute.parse(provider.attributes()).stream().map(Enum::name).toList());
        form.transientNameId = provider.nameIdTransient();
        form.signedRequests = provider.requestsSigned();
        form.uais = String.join(" ", provider.uais());
        form.singleLogout = provider.singleLogout();
        form.setEnabled(provider.enabled());
        form.startUrl = provider.startUrl();
        return form;
    }

    /** What was typed, for the boundary to check. */
    SpDraft draft() {
        return SpDraft.of(getName(), attributes, transientNameId, signedRequests, uais, singleLogout, isEnabled(), startUrl);
    }

    public String getEntityId() { return entityId; }
    public String getAcs() { return acs; }
    public List<String> getAttributes() { return attributes; }
    public void setAttributes(List<String> attributes) { this.attributes = attributes; }
    public boolean isTransientNameId() { return transientNameId; }
    public void setTransientNameId(boolean transientNameId) { this.transientNameId = transientNameId; }
    public boolean isSignedRequests() { return signedRequests; }
    public void setSignedRequests(boolean signedRequests) { this.signedRequests = signedRequests; }
    public String getUais() { return uais; }
    public void setUais(String uais) { this.uais = uais; }
    public boolean isSingleLogout() { return singleLogout; }
    public void setSingleLogout(boolean singleLogout) { this.singleLogout = singleLogout; }
    public String getStartUrl() { return startUrl; }
    public void setStartUrl(String startUrl) { this.startUrl = startUrl; }
}
