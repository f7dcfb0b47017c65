package fr.ent.portal.help.entity;

import java.time.Instant;
import java.util.Objects;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.BusinessException;

/**
 * A person asks their school for help (no email to reset a password, a child to attach…). It names the account
 * and, when known, the establishment and division whose principal teacher and school office deal with it.
 */
@Entity
@Table(name = "help_request")
@SequenceGenerator(name = "help_request_seq", sequenceName = "help_request_seq", allocationSize = 50)
@NamedQuery(name = HelpRequest.OPEN_OF_ACCOUNT,
        query = "select h from HelpRequest h where h.account = :account and h.kind = :kind and h.status = 'OPEN'")
@NamedQuery(name = HelpRequest.OF_DIVISION,
        query = "select h from HelpRequest h join fetch h.account left join fetch h.establishment"
                + " where h.establishment = :establishment and h.division = :division and h.status = :status order by h.createdAt")
@NamedQuery(name = HelpRequest.ALL_IN_STATUS,
        query = "select h from HelpRequest h join fetch h.account left join fetch h.establishment"
                + " where h.status = :status and (h.resolvedAt is null or h.resolvedAt > :resolvedSince)"
                + " order by h.createdAt")
@NamedQuery(name = HelpRequest.OF_ESTABLISHMENT,
        query = "select h from HelpRequest h join fetch h.account where h.establishment = :establishment"
                + " and h.status = :status order by h.createdAt")
public class HelpRequest {

    /** The open request of {@code account} of {@code kind}, if any. */
    public static final String OPEN_OF_ACCOUNT = "HelpRequest.openOfAccount";
    /** Requests of a division ({@code establishment}, {@code division}) in a {@code status}, oldest first. */
    public static final String OF_DIVISION = "HelpRequest.ofDivision";
    /** Requests of an {@code establishment} in a {@code status}, oldest first. */
    public static final String OF_ESTABLISHMENT = "HelpRequest.ofEstablishment";

    /**
     * Requests of every establishment (and of none) in a {@code status}, resolved ones only after
     * {@code resolvedSince}, oldest first: the region's view.
     */
    public static final String ALL_IN_STATUS = "HelpRequest.allInStatus";

    public static final int MAX_NOTE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "help_request_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "establishment_id", updatable = false)
    private Establishment establishment;

    @Column(name = "division", length = 40, updatable = false)
    private String division;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32, updatable = false)
    private HelpRequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private HelpRequestStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolution_note", length = MAX_NOTE)
    private String resolutionNote;

    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    protected HelpRequest() {
        // JPA
    }

    /**
     * @param establishment where the person is known (a pupil's current enrollment); null when unknown
     * @param division      the pupil's class in that establishment; null for others
     */
    public HelpRequest(Account account, Establishment establishment, String division, HelpRequestKind kind,
                       Instant createdAt) {
        this.account = Objects.requireNonNull(account, "account");
        this.establishment = establishment;
        this.division = division;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = HelpRequestStatus.OPEN;
    }

    /** Someone at the school dealt with it; the note (optional) says how. */
    public void resolve(String note, Instant at) {
        if (status == HelpRequestStatus.RESOLVED) {
            throw new BusinessException("help.request.already_resolved");
        }
        String trimmed = note == null ? null : note.strip();
        if (trimmed != null && trimmed.length() > MAX_NOTE) {
            throw new BusinessException("help.request.note_too_long", MAX_NOTE);
        }
        this.status = HelpRequestStatus.RESOLVED;
        this.resolvedAt = Objects.requireNonNull(at, "at");
        this.resolutionNote = trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    /** Resolved by a staff member of the administration, who must say how (a short note, mandatory). */
    public void resolveBy(String staffIdentifier, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new fr.ent.portal.platform.InvalidInputException(java.util.List.of(
                    new fr.ent.portal.platform.InvalidInputException.FieldError("note", "admin.help.note.required")));
        }
        resolve(note, at);
        this.resolvedBy = staffIdentifier;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public long version() {
        return version;
    }

    public boolean isOpen() {
        return status == HelpRequestStatus.OPEN;
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public Establishment establishment() {
        return establishment;
    }

    public String division() {
        return division;
    }

    public HelpRequestKind kind() {
        return kind;
    }

    public HelpRequestStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolutionNote() {
        return resolutionNote;
    }
}
