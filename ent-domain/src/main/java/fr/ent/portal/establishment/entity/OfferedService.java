package fr.ent.portal.establishment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.Set;


/**
 * A service (Pronote, Médiacentre, PIX…) an establishment offers, with its address and display position, and, when
 * registered for single sign-on, where the portal's CAS server may send its tickets ({@link ServicePattern}), the
 * attributes it receives and whether it is told of single logout.
 */
@Entity
@Table(name = "offered_service")
@SequenceGenerator(name = "offered_service_seq", sequenceName = "offered_service_seq", allocationSize = 50)
public class OfferedService {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offered_service_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "establishment_id", nullable = false)
    private Establishment establishment;

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @NotNull
    @Size(max = 500)
    // http only on loopback, and only when ent.cas.loopback-http allows it (ServiceDraft): tests and local trials
    @Pattern(regexp = "(https://|http://(localhost|127\\.0\\.0\\.1)[:/])\\S+",
            message = "{establishment.service.url.invalid}")
    @Column(name = "url", nullable = false, length = 500)
    private String url;

    @Min(1)
    @Column(name = "display_position", nullable = false)
    private int position;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "cas_pattern_kind", length = 16)
    private PatternKind casPatternKind;

    @Size(max = 500)
    @Column(name = "cas_pattern", length = 500)
    private String casPattern;

    @Size(max = 300)
    @Column(name = "cas_attributes", length = 300)
    private String casAttributes;

    @Column(name = "cas_single_logout", nullable = false)
    private boolean casSingleLogout;

    protected OfferedService() {
        // JPA
    }

    OfferedService(Establishment establishment, String name, String url, int position) {
        this.establishment = establishment;
        this.name = name;
        this.url = url;
        this.position = position;
    }

    /** Moves the service to another display position. */
    public void moveTo(int newPosition) {
        if (newPosition < 1) {
            throw new IllegalArgumentException("Positions start at 1: " + newPosition);
        }
        this.position = newPosition;
    }

    /** Renames, moves to another address, switches on or off (a checked {@code ServiceDraft}). */
    public void change(String newName, String newUrl, boolean on) {
        this.name = newName;
        this.url = newUrl;
        this.enabled = on;
    }

    /** Opens the service through {@code /cas/login} (a checked pattern), with what it may receive. */
    public void openThroughSso(ServicePattern pattern, Set<ReleasedAttribute> attributes, boolean singleLogout) {
        this.casPatternKind = pattern.kind();
        this.casPattern = pattern.value();
        this.casAttributes = ReleasedAttribute.join(attributes);
        this.casSingleLogout = singleLogout;
    }

    /** Back to a plain link: no ticket is issued for it any more. */
    public void openAsPlainLink() {
        this.casPatternKind = null;
        this.casPattern = null;
        this.casAttributes = null;
        this.casSingleLogout = false;
    }

    /** Where tickets for this service may go; empty for a plain link. */
    public Optional<ServicePattern> ssoPattern() {
        return casPatternKind == null || casPattern == null ? Optional.empty()
                : Optional.of(new ServicePattern(casPatternKind, casPattern));
    }

    public Set<ReleasedAttribute> releasedAttributes() {
        return ReleasedAttribute.parse(casAttributes);
    }

    public boolean singleLogout() {
        return casSingleLogout;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    /** Shown as a tile on the home page; a switched-off service stays listed for the region only. */
    public boolean enabled() {
        return enabled;
    }

    public Establishment establishment() {
        return establishment;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public int position() {
        return position;
    }
}
