package fr.ent.portal.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One establishment, pupil, representative or staff member of the académie's directory as the AAF feed left it (the
 * last full file's request with each later delta applied): a delta names only what changes, the rest comes from here.
 * The attributes are kept encoded ({@code AafAttributes}); {@code structure} is a pupil's establishment
 * ({@code ENTPersonStructRattach}) or an establishment's UAI.
 */
@Entity
@Table(name = "aaf_feed_entry")
public class AafEntry {

    @Id
    @Column(name = "entry_key", length = 200)
    private String key;

    @Column(name = "entry_type", nullable = false, length = 16)
    private String type;

    @Column(name = "aaf_id", nullable = false, length = 128)
    private String aafId;

    @Column(name = "structure", length = 128)
    private String structure;

    @Column(name = "file_name", nullable = false, length = 120)
    private String fileName;

    @Column(name = "line", nullable = false)
    private int line;

    @Column(name = "attributes", nullable = false, length = 60000)
    private String attributes;

    /** A pupil's registry id (the INE, else {@code aaf-<id>}): duplicates are found without decoding the rest. */
    @Column(name = "registry_id", length = 140)
    private String registryId;

    protected AafEntry() {
    }

    public AafEntry(String type, String aafId, String structure, String fileName, int line, String attributes) {
        this(type, aafId, structure, null, fileName, line, attributes);
    }

    public AafEntry(String type, String aafId, String structure, String registryId, String fileName, int line,
                    String attributes) {
        this.key = key(type, aafId);
        this.type = type;
        this.aafId = aafId;
        replace(structure, registryId, fileName, line, attributes);
    }

    public static String key(String type, String aafId) {
        return type + "|" + aafId;
    }

    public void replace(String structure, String fileName, int line, String attributes) {
        replace(structure, null, fileName, line, attributes);
    }

    public void replace(String structure, String registryId, String fileName, int line, String attributes) {
        this.structure = structure;
        this.registryId = registryId;
        this.fileName = fileName;
        this.line = line;
        this.attributes = attributes;
    }

    public String type() {
        return type;
    }

    public String aafId() {
        return aafId;
    }

    public String structure() {
        return structure;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    public String registryId() {
        return registryId;
    }

    public String attributes() {
        return attributes;
    }
}
