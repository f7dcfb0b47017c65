package fr.ent.portal.federation.entity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
 * An OpenID Connect client registered by the region: its redirect URIs (exact match), the URIs it may be sent back to
 * after logout, the scopes it may ask for, and, for a confidential client, the SHA-256 of its secret (a public client
 * has none and must use PKCE).
 */
@Entity
@Table(name = "oidc_client")
@SequenceGenerator(name = "oidc_client_seq", sequenceName = "oidc_client_seq", allocationSize = 50)
@NamedQuery(name = OidcClient.BY_CLIENT_ID, query = "select c from OidcClient c where c.clientId = :clientId")
@NamedQuery(name = OidcClient.ALL, query = "select c from OidcClient c order by c.name, c.id")
public class OidcClient {

    public static final String BY_CLIENT_ID = "OidcClient.byClientId";
    public static final String ALL = "OidcClient.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oidc_client_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "client_id", length = 64, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "name", length = 120, nullable = false)
    private String name;

    /** Lower-case hex SHA-256 of the secret; null for a public client. */
    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    /** One URI a line. */
    @Column(name = "redirect_uris", length = 4000, nullable = false)
    private String redirectUris;

    @Column(name = "logout_uris", length = 4000, nullable = false)
    private String logoutUris;

    /** Space-separated. */
    @Column(name = "scopes", length = 300, nullable = false)
    private String scopes;

    @Column(name = "refresh_allowed", nullable = false)
    private boolean refreshAllowed;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    /** UAIs of the establishments where it is offered, comma-separated; empty: every establishment. */
    @Column(name = "offered_uais", length = 2000, nullable = false)
    private String offeredUais = "";

    /** The client's own address that starts its sign-in (its tile opens it); null: none given. */
    @Column(name = "start_url", length = 500)
    private String startUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OidcClient() {
    }

    public OidcClient(String clientId, String secretHash, Instant createdAt) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    /** Changes what the region may change (the client id and secret stay). */
    public void change(String name, List<String> redirectUris, List<String> logoutUris, Set<String> scopes,
                       boolean refreshAllowed, boolean enabled) {
        this.name = name;
        this.redirectUris = String.join("\n", redirectUris);
        this.logoutUris = String.join("\n", logoutUris);
        this.scopes = String.join(" ", new TreeSet<>(scopes));
        this.refreshAllowed = refreshAllowed;
        this.enabled = enabled;
    }

    /** Where it is offered (none: everywhere) and the address its tile opens (a checked https address, or null). */
    public void offer(List<String> uais, String start) {
        this.offeredUais = OfferedUais.join(uais);
        this.startUrl = start == null || start.isBlank() ? null : start.strip();
    }

    /** Offered in the establishment of this UAI (none listed: in every establishment). */
    public boolean offeredIn(String uai) {
        return OfferedUais.includes(offeredUais, uai);
    }

    public List<String> uais() {
        return OfferedUais.split(offeredUais);
    }

    public String startUrl() {
        return startUrl;
    }

    /** A new secret (its hash): the previous one stops working at once. */
    public void replaceSecret(String secretHash) {
        this.secretHash = secretHash;
    }

    public boolean confidential() {
        return secretHash != null;
    }

    /** Exact string comparison with one of the registered redirect URIs. */
    public boolean redirectsTo(String uri) {
        return RedirectUris.exactMatch(redirectUris(), uri);
    }

    public boolean logsOutTo(String uri) {
        return RedirectUris.exactMatch(logoutUris(), uri);
    }

    public List<String> redirectUris() {
        return lines(redirectUris);
    }

    public List<String> logoutUris() {
        return lines(logoutUris);
    }

    public Set<String> scopes() {
        return new TreeSet<>(Arrays.stream(scopes.split(" ")).filter(s -> !s.isBlank()).toList());
    }

    /** The scopes, space-separated, for display. */
    public String scopeText() {
        return scopes;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isEmpty()).toList();
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public String secretHash() {
        return secretHash;
    }

    public boolean refreshAllowed() {
        return refreshAllowed;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
