package fr.ent.portal.registry.entity;

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
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.ent.portal.platform.ConflictException;

/**
 * One previewed registry import: who previewed which file for which establishment, what it would do, and whether it
 * was confirmed. Its random token is the preview's id: a confirmation names it, and a second confirmation of the same
 * token (a double click, the back button) finds it CONFIRMED and writes nothing.
 */
@Entity
@Table(name = "registry_import")
@SequenceGenerator(name = "registry_import_seq", sequenceName = "registry_import_seq", allocationSize = 50)
@NamedQuery(name = RegistryImport.BY_TOKEN, query = "select r from RegistryImport r where r.token = :token")
public class RegistryImport {

    public static final String BY_TOKEN = "RegistryImport.byToken";

    public enum Status { PREVIEWED, CONFIRMED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registry_import_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @Size(max = 64)
    @Column(name = "token", nullable = false, length = 64, updatable = false)
    private String token;

    @Column(name = "establishment_id", nullable = false, updatable = false)
    private long establishmentId;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private long staffId;

    @Size(max = 255)
    @Column(name = "file_name", length = 255)
    private String fileName;

    @NotNull
    @Column(name = "file_digest", nullable = false, length = 64)
    private String fileDigest;

    @NotNull
    @Column(name = "plan_digest", nullable = false, length = 64)
    private String planDigest;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "created_count", nullable = false)
    private int createdCount;

    @Column(name = "updated_count", nullable = false)
    private int updatedCount;

    @Column(name = "unchanged_count", nullable = false)
    private int unchangedCount;

    @Column(name = "ended_count", nullable = false)
    private int endedCount;

    @Column(name = "link_count", nullable = false)
    private int linkCount;

    @NotNull
    @Column(name = "previewed_at", nullable = false, updatable = false)
    private Instant previewedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected RegistryImport() {
        // JPA
    }

    public RegistryImport(String token, long establishmentId, long staffId, String fileName, String fileDigest,
                          String planDigest, int rowCount, int created, int updated, int unchanged, int ended, int links,
                          Instant previewedAt) {
        this.token = Objects.requireNonNull(token, "token");
        this.establishmentId = establishmentId;
        this.staffId = staffId;
        this.fileName = fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.fileDigest = Objects.requireNonNull(fileDigest, "fileDigest");
        this.planDigest = Objects.requireNonNull(planDigest, "planDigest");
        this.rowCount = rowCount;
        this.createdCount = created;
        this.updatedCount = updated;
        this.unchangedCount = unchanged;
        this.endedCount = ended;
        this.linkCount = links;
        this.previewedAt = Objects.requireNonNull(previewedAt, "previewedAt");
        this.status = Status.PREVIEWED;
    }

    /** The import was written; refused if it already was (the second click of a double click). */
    public void confirm(Instant at) {
        if (status == Status.CONFIRMED) {
            throw new ConflictException("admin.import.already_confirmed");
        }
        this.status = Status.CONFIRMED;
        this.confirmedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public Long id() {
        return id;
    }

    public String token() {
        return token;
    }

    public long establishmentId() {
        return establishmentId;
    }

    public long staffId() {
        return staffId;
    }

    public String fileDigest() {
        return fileDigest;
    }

    public String planDigest() {
        return planDigest;
    }

    public Status status() {
        return status;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
