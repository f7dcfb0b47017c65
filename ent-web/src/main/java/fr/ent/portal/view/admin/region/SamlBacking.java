package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.file.UploadedFile;

import fr.ent.portal.federation.boundary.SamlIdentityProvider;
import fr.ent.portal.federation.boundary.SamlServiceProviders;
import fr.ent.portal.federation.control.SamlAttribute;
import fr.ent.portal.federation.control.SpDraft;
import fr.ent.portal.federation.entity.SamlServiceProvider;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The SAML form of /admin/region/services ({@code ?protocol=SAML}, {@link ConnectedServicesBacking}): register a
 * service provider from its metadata, or change the one chosen ({@code &id=}).
 */
@Named
@ViewScoped
public class SamlBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SamlServiceProviders providers;

    @EJB
    SamlIdentityProvider idp;

    @Inject
    AdminContext admin;

    private Long id;
    private long version;
    private String name;
    private String entityId;
    private String acs;
    private transient UploadedFile metadata;
    private List<String> attributes = new ArrayList<>(SamlAttribute.GAR.stream().map(Enum::name).toList());
    private boolean transientNameId;
    private boolean signedRequests;
    private String uais;
    private boolean singleLogout = true;
    private boolean enabled = true;
    private String startUrl;

    /** View action: the chosen provider in the form (unknown id: 404); none: a new one. */
    public void load(Long chosen) {
        id = chosen;
        if (id != null) {
            SamlServiceProvider provider = providers.find(admin.scope(), admin.client(), id);
            version = provider.version();
            name = provider.name();
            entityId = provider.entityId();
            acs = provider.acsUrl();
            attributes = new ArrayList<>(SamlAttribute.parse(provider.attributes()).stream().map(Enum::name).toList());
            transientNameId = provider.nameIdTransient();
            signedRequests = provider.requestsSigned();
            uais = String.join(" ", provider.uais());
            singleLogout = provider.singleLogout();
            enabled = provider.enabled();
            startUrl = provider.startUrl();
        }
    }

    public String save() {
        SpDraft draft = SpDraft.of(name, attributes, transientNameId, signedRequests, uais, singleLogout, enabled,
                startUrl);
        byte[] content = metadata == null || metadata.getSize() == 0 ? null : metadata.getContent();
        // a refusal (invalid metadata, a taken entity id) becomes messages by the page's exception handler
        if (id == null) {
            if (content == null) {
                throw new InvalidInputException(List.of(new InvalidInputException.FieldError("metadata",
                        "admin.saml.error.metadata_required")));
            }
            id = providers.register(admin.scope(), admin.client(), content, draft);
            Texts.flash("admin.saml.registered");
        } else {
            providers.change(admin.scope(), admin.client(), id, version, content, draft);
            Texts.flash("admin.saml.saved");
        }
        return "/admin/region/services?faces-redirect=true&protocol=SAML&id=" + id;
    }

    public List<String> getKnownAttributes() {
        return Arrays.stream(SamlAttribute.values()).map(Enum::name).toList();
    }

    /** The largest metadata file accepted (the parser's own limit). */
    public long getMaxBytes() { return fr.ent.portal.federation.control.SamlXml.Limits.METADATA.maxBytes(); }

    public String getIdpMetadata() { return idp.entityId(); }
    /** What the tile opens when no start address is given: the portal's IdP-initiated start. */
    public String getIdpStart() { return id == null ? null : idp.startAddress(entityId); }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEntityId() { return entityId; }
    public String getAcs() { return acs; }
    public UploadedFile getMetadata() { return metadata; }
    public void setMetadata(UploadedFile metadata) { this.metadata = metadata; }
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
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getStartUrl() { return startUrl; }
    public void setStartUrl(String startUrl) { this.startUrl = startUrl; }
}
