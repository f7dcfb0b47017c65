package fr.ent.portal.incident.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


/**
 * An incident notice posted by the region: a title, a text, a severity, a period ({@code from}, and {@code until}
 * or open-ended) and the establishments concerned (all, or a chosen set). Shown on /login, /home and /status while
 * current.
 */
@Entity
@Table(name = "incident")
@SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
@NamedQuery(name = Incident.NOT_ENDED,
        query = "select distinct i from Incident i left join fetch i.establishmentIds"
                + " where i.endsAt is null or i.endsAt > :now order by i.startsAt")
@NamedQuery(name = Incident.ALL_RECENT,
        query = "select distinct i from Incident i left join fetch i.establishmentIds"
                + " where i.endsAt is null or i.endsAt > :since order by i.startsAt desc")
public class Incident {

    /** Incidents not ended at {@code now} (current and upcoming), earliest first. */
    public static final String NOT_ENDED = "Incident.notEnded";
    /** Incidents not ended before {@code since}, latest first. */
    public static final String ALL_RECENT = "Incident.allRecent";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "title", nullable = false, length = IncidentDraft.MAX_TITLE)
    private String title;

    @Column(name = "body", nullable = false, length = IncidentDraft.MAX_TEXT)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 16)
    private Severity severity;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "all_establishments", nullable = false)
    private boolean allEstablishments;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "incident_establishment", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "establishment_id", nullable = false)
    private Set<Long> establishmentIds = new HashSet<>();

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, length = 64, updatable = false)
    private String postedBy;

    protected Incident() {
        // JPA
    }

    /** A new notice from a checked draft ({@link IncidentDraft#check}). */
    public Incident(IncidentDraft draft, Instant postedAt, String postedBy) {
        this.postedAt = Objects.requireNonNull(postedAt, "postedAt");
        this.postedBy = Objects.requireNonNull(postedBy, "postedBy");
        apply(draft);
    }

    /** Replaces the notice's content with a checked draft. */
    public void change(IncidentDraft draft) {
        apply(draft);
    }

    private void apply(IncidentDraft draft) {
        this.title = draft.title().strip();
        this.text = draft.text().strip();
        this.severity = Objects.requireNonNull(draft.severity(), "severity");
        this.startsAt = Objects.requireNonNull(draft.from(), "from");
        this.endsAt = draft.until();
        this.allEstablishments = draft.allEstablishments();
        this.establishmentIds.clear();
        if (!draft.allEstablishments()) {
            this.establishmentIds.addAll(draft.establishmentIds());
        }
    }

    /** Ends the notice now (it disappears from the banners); an upcoming one is ended before it starts. */
    public void endAt(Instant now) {
        if (!startsAt.isBefore(now)) {
            startsAt = now;
        }
        if (endsAt == null || endsAt.isAfter(now)) {
            endsAt = now;
        }
    }

    /** Shown at {@code at}: started, and not ended ({@code until} excluded). */
    public boolean isCurrentAt(Instant at) {
        return IncidentPeriod.isCurrent(startsAt, endsAt, at);
    }

    public boolean isUpcomingAt(Instant at) {
        return startsAt.isAfter(at);
    }

    public boolean isPastAt(Instant at) {
        return endsAt != null && !endsAt.isAfter(at);
    }

    /** Concerns this establishment (every establishment when posted for all). */
    public boolean concerns(long establishmentId) {
        return allEstablishments || establishmentIds.contains(establishmentId);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public Severity severity() {
        return severity;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public boolean allEstablishments() {
        return allEstablishments;
    }

    public Set<Long> establishmentIds() {
        return Collections.unmodifiableSet(establishmentIds);
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String postedBy() {
        return postedBy;
    }
}
