package fr.ent.portal.registry.entity;

import java.time.Instant;
import java.time.LocalDate;

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
import jakarta.persistence.Version;

/**
 * A file of the region's AAF inbox that a node took (issue 25, item 4). Inserting the row is the claim: its name is
 * unique, so two nodes never work the same file. It then says what became of the file: imported (with the requests it
 * held and what the import of its batch created, updated, linked and ended), failed (its errors; nothing of its batch
 * was written) or superseded (a delta older than the last full feed).
 */
@Entity
@Table(name = "aaf_feed_file")
@SequenceGenerator(name = "aaf_feed_file_seq", sequenceName = "aaf_feed_file_seq", allocationSize = 50)
@NamedQuery(name = AafFeedRecord.LATEST, query = "select f from AafFeedRecord f order by f.claimedAt desc, f.id desc")
@NamedQuery(name = AafFeedRecord.BY_NAME, query = "select f from AafFeedRecord f where f.name = :name")
@NamedQuery(name = AafFeedRecord.LAST_FULL_DATE,
        query = "select max(f.feedDate) from AafFeedRecord f where f.fullFeed = true and f.state = :imported")
@NamedQuery(name = AafFeedRecord.NAMES, query = "select f.name, f.state, f.checksum, f.claimedAt from AafFeedRecord f")
public class AafFeedRecord {

    public static final String LATEST = "AafFeedRecord.latest";
    public static final String BY_NAME = "AafFeedRecord.byName";
    public static final String LAST_FULL_DATE = "AafFeedRecord.lastFullDate";
    public static final String NAMES = "AafFeedRecord.names";

    /** Longest error text kept (the first errors, one a line). */
    public static final int MAX_ERRORS = 4000;

    public enum State { RUNNING, IMPORTED, FAILED, SUPERSEDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aaf_feed_file_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "name", nullable = false, length = 120, updatable = false)
    private String name;

    @Column(name = "checksum", nullable = false, length = 64, updatable = false)
    private String checksum;

    @Column(name = "full_feed", nullable = false, updatable = false)
    private boolean fullFeed;

    @Column(name = "feed_date", nullable = false, updatable = false)
    private LocalDate feedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "node", length = 120)
    private String node;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "requests", nullable = false)
    private int requests;

    @Column(name = "created_count", nullable = false)
    private int created;

    @Column(name = "updated_count", nullable = false)
    private int updated;

    @Column(name = "links_count", nullable = false)
    private int links;

    @Column(name = "ended_count", nullable = false)
    private int ended;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "errors", length = MAX_ERRORS)
    private String errors;

    protected AafFeedRecord() {
    }

    /** The claim of a file by {@code node}. */
    public AafFeedRecord(String name, String checksum, boolean fullFeed, LocalDate feedDate, String node, Instant now) {
        this.name = name;
        this.checksum = checksum;
        this.fullFeed = fullFeed;
        this.feedDate = feedDate;
        this.node = node == null || node.length() <= 120 ? node : node.substring(0, 120);
        this.claimedAt = now;
        this.state = State.RUNNING;
    }

    /** Imported: its requests, and what its batch's import wrote. */
    public void imported(int requests, int created, int updated, int links, int ended, Instant now) {
        this.state = State.IMPORTED;
        this.requests = requests;
        this.created = created;
        this.updated = updated;
        this.links = links;
        this.ended = ended;
        this.finishedAt = now;
    }

    /** Failed: nothing of its batch was written; the first errors, one a line. */
    public void failed(int errorCount, String errors, Instant now) {
        this.state = State.FAILED;
        this.errorCount = errorCount;
        this.errors = errors == null || errors.length() <= MAX_ERRORS ? errors : errors.substring(0, MAX_ERRORS);
        this.finishedAt = now;
    }

    /** A delta older than the last full feed, which already holds its changes: not imported. */
    public void superseded(Instant now) {
        this.state = State.SUPERSEDED;
        this.finishedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String checksum() {
        return checksum;
    }

    public boolean fullFeed() {
        return fullFeed;
    }

    public LocalDate feedDate() {
        return feedDate;
    }

    public State state() {
        return state;
    }

    public String node() {
        return node;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int requests() {
        return requests;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int links() {
        return links;
    }

    public int ended() {
        return ended;
    }

    public int errorCount() {
        return errorCount;
    }

    public String errors() {
        return errors;
    }
}
