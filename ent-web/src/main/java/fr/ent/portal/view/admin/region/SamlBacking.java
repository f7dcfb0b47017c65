package fr.ent.portal.view.admin.region;

import java.io.Serializable;
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
    private SamlForm form = new SamlForm();
    private transient UploadedFile metadata;

    /** View action: the chosen provider in the form (unknown id: 404); none: a new one. */
    public void load(Long chosen) {
        id = chosen;
        if (id != null) {
            form = SamlForm.of(providers.find(admin.scope(), admin.client(), id));
        }
    }

    public String save() {
        SpDraft draft = form.draft();
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
            providers.change(admin.scope(), admin.client(), id, form.version, content, draft);
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
    public String getIdpStart() { return id == null ? null : idp.startAddress(form.getEntityId()); }

    public Long getId() { return id; }
    public SamlForm getForm() { return form; }
    public UploadedFile getMetadata() { return metadata; }
    public void setMetadata(UploadedFile metadata) { this.metadata = metadata; }
}
