package fr.ent.portal.federation.entity;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


/**
 * A SAML service provider registered by the region from its metadata: its entity id, the one assertion consumer
 * service the portal posts to, its single logout address and signing certificate (from the metadata), and what the
 * region decided: the attributes it receives, persistent (pairwise) or transient NameID, whether it must sign its
 * requests, the establishments (UAI) where it is offered (none listed: everywhere), single logout, on or off.
 */
@Entity
@Table(name = "saml_service_provider")
@SequenceGenerator(name = "saml_service_provider_seq", sequenceName = "saml_service_provider_seq", allocationSize = 50)
@NamedQuery(name = SamlServiceProvider.BY_ENTITY_ID,
        query = "select s from SamlServiceProvider s where s.entityId = :entityId")
@NamedQuery(name = SamlServiceProvider.ALL, query = "select s from SamlServiceProvider s order by s.name, s.id")
public class SamlServiceProvider {

    public static final String BY_ENTITY_ID = "SamlServiceProvider.byEntityId";
    public static final String ALL = "SamlServiceProvider.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saml_service_provider_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "entity_id", length = 500, nullable = false)
    private String entityId;

    @Column(name = "name", length = 120, nullable = false)
    private String name;

    @Column(name = "acs_url", length = 500, nullable = false)
    private String acsUrl;

    @Column(name = "slo_url", length = 500)
    private String sloUrl;

    /** The single logout address takes the HTTP-Redirect binding: the browser is sent there (front channel). */
    @Column(name = "slo_redirect", nullable = false)
    private boolean sloRedirect;

    @Column(name = "certificate", length = 8000)
    private String certificate;

    @Column(name = "requests_signed", nullable = false)
    private boolean requestsSigned;

    @Column(name = "name_id_transient", nullable = false)
    private boolean nameIdTransient;

    @Column(name = "attributes", length = 300, nullable = false)
    private String attributes;

    @Column(name = "offered_uais", length = 2000, nullable = false)
    private String offeredUais;

    @Column(name = "single_logout", nullable = false)
    private boolean singleLogout;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    /** The provider's own start address for its tile; null: the portal's IdP-initiated start. */
    @Column(name = "start_url", length = 500)
    private String startUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SamlServiceProvider() {
    }

    public SamlServiceProvider(String entityId, String acs, String slo, boolean sloRedirect, String certificate,
                               boolean signsRequests, Instant createdAt) {
        this.createdAt = createdAt;
        useMetadata(entityId, acs, slo, sloRedirect, certificate, signsRequests);
    }

    /** New metadata of the same provider (a renewed certificate, a moved ACS), as read by {@code SpMetadata}. */
    public void useMetadata(String newEntityId, String acs, String slo, boolean redirectSlo, String newCertificate,
                            boolean signsRequests) {
        if (entityId != null && !entityId.equals(newEntityId)) {
            throw new IllegalArgumentException("Another entity id");
        }
        this.entityId = newEntityId;
        this.acsUrl = acs;
        this.sloUrl = slo;
        this.sloRedirect = slo != null && redirectSlo;
        this.certificate = newCertificate;
        this.requestsSigned = requestsSigned || signsRequests;
    }

    /** What the region decides. Signed requests need a certificate to check them with. */
    public void change(String newName, String releasedAttributes, boolean transientNameId, boolean signedRequests,
                       List<String> uais, boolean logout, boolean on) {
        this.name = newName;
        this.attributes = releasedAttributes;
        this.nameIdTransient = transientNameId;
        this.requestsSigned = signedRequests && certificate != null;
        this.offeredUais = OfferedUais.join(uais);
        this.singleLogout = logout && sloUrl != null;
        this.enabled = on;
    }

    /** Where its tile opens it (a checked https address), or null for the portal's IdP-initiated start. */
    public void startAt(String url) {
        this.startUrl = url == null || url.isBlank() ? null : url.strip();
    }

    /** Offered in this establishment (none listed: in every establishment). */
    public boolean offeredIn(String uai) {
        return OfferedUais.includes(offeredUais, uai);
    }

    public List<String> uais() {
        return OfferedUais.split(offeredUais);
    }

    /** The only address an assertion for this provider is ever posted to. */
    public boolean consumesAt(String url) {
        return url == null || acsUrl.equals(url);
    }

    /**
     * Told by the browser when a portal session ends (the front-channel chain): registered for single logout at an
     * address that takes the HTTP-Redirect binding. The others registered for single logout are told by the server.
     */
    public boolean logsOutByBrowser() {
        return singleLogout && sloUrl != null && sloRedirect;
    }

    /**
     * Its LogoutResponses must be signed: it must sign its requests, or its metadata gave a signing certificate (it
     * can sign; an unsigned answer could be anyone's).
     */
    public boolean answersSigned() {
        return requestsSigned || certificate != null;
    }

    public Long id() { return id; }
    public long version() { return version; }
    public String entityId() { return entityId; }
    public String name() { return name; }
    public String acsUrl() { return acsUrl; }
    public String sloUrl() { return sloUrl; }
    public String certificate() { return certificate; }
    public boolean requestsSigned() { return requestsSigned; }
    public boolean nameIdTransient() { return nameIdTransient; }
    /** The attributes it receives, as {@code SamlAttribute.join} wrote them ({@code SamlAttribute.parse} reads them). */
    public String attributes() { return attributes; }
    public boolean singleLogout() { return singleLogout; }
    public boolean enabled() { return enabled; }
    public String startUrl() { return startUrl; }
    public Instant createdAt() { return createdAt; }

    @Override
    public String toString() {
        return "SamlServiceProvider[" + id + ", " + entityId + "]";
    }
}
