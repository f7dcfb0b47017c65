package fr.ent.portal.audit.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One security-relevant event, written once and never changed. The account is a plain id (no foreign key)
 * so that events outlive the account they tell about. Every text is cut to its column and stripped of
 * control characters; the detail is a short code, never a secret, a token or a link.
 */
@Entity
@Table(name = "audit_event")
@SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
@NamedQuery(name = AuditEvent.OF_ACCOUNT,
        query = "select e from AuditEvent e where e.accountId = :accountId order by e.occurredAt desc, e.id desc")
public class AuditEvent {

    /** The events of an account (parameter {@code accountId}), newest first. */
    public static final String OF_ACCOUNT = "AuditEvent.ofAccount";

    public static final int IDENTIFIER_LENGTH = 64;
    public static final int IP_LENGTH = 45;
    public static final int USER_AGENT_LENGTH = 255;
    public static final int DETAIL_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 40, updatable = false)
    private AuditEventType type;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(name = "identifier", length = IDENTIFIER_LENGTH, updatable = false)
    private String identifier;

    @Column(name = "client_ip", length = IP_LENGTH, updatable = false)
    private String clientIp;

    @Column(name = "user_agent", length = USER_AGENT_LENGTH, updatable = false)
    private String userAgent;

    @Column(name = "detail", length = DETAIL_LENGTH, updatable = false)
    private String detail;

    @Column(name = "establishment_id", updatable = false)
    private Long establishmentId;

    /** The staff member who acted, for administration events; null when the person acted for themselves. */
    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_identifier", length = IDENTIFIER_LENGTH, updatable = false)
    private String actorIdentifier;

    protected AuditEvent() {
        // JPA
    }

    /**
     * @param identifier the identifier as typed (may be wrong or unknown), cut to 64 characters
     * @param detail     a short code such as {@code bad_password} or {@code outbox:42}; never a secret
     */
    public AuditEvent(Instant occurredAt, AuditEventType type, Long accountId, String identifier, String clientIp,
                      String userAgent, String detail, Long establishmentId) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.type = Objects.requireNonNull(type, "type");
        this.accountId = accountId;
        this.identifier = clean(identifier, IDENTIFIER_LENGTH);
        this.clientIp = clean(clientIp, IP_LENGTH);
        this.userAgent = clean(userAgent, USER_AGENT_LENGTH);
        this.detail = clean(detail, DETAIL_LENGTH);
        this.establishmentId = establishmentId;
    }

    /** An administration event: {@code actorId}/{@code actorIdentifier} acted on the account. */
    public AuditEvent byStaff(Long actorId, String actorIdentifier) {
        this.actorId = actorId;
        this.actorIdentifier = clean(actorIdentifier, IDENTIFIER_LENGTH);
        return this;
    }

    /** Null for null or blank; otherwise stripped, control characters (log forging) replaced, cut to {@code max}. */
    static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        value.strip().codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .forEachOrdered(out::appendCodePoint);
        if (out.length() <= max) {
            return out.toString();
        }
        int end = Character.isHighSurrogate(out.charAt(max - 1)) ? max - 1 : max;
        return out.substring(0, end);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditEventType type() {
        return type;
    }

    public Long accountId() {
        return accountId;
    }

    public String identifier() {
        return identifier;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public String detail() {
        return detail;
    }

    public Long establishmentId() {
        return establishmentId;
    }

    public Long actorId() {
        return actorId;
    }

    public String actorIdentifier() {
        return actorIdentifier;
    }

    @Override
    public String toString() {
        return "AuditEvent[" + type + " account " + accountId + " at " + occurredAt + "]";
    }
}
