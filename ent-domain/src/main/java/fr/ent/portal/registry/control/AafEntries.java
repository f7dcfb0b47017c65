package fr.ent.portal.registry.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the feed's state lives ({@link AafFeed}): in memory (tests, one-off replays) or in the database
 * ({@link StoredAafEntries}, the region's inbox: a delta of a later night finds the persons of the full feed there,
 * and memory stays bounded by one establishment). Types are the feed's: {@code EtabEducNat}, {@code Eleve},
 * {@code PersRelEleve}, {@code PersEducNat}.
 */
public interface AafEntries {

    /** A stored request: the file and line it came from, and its attributes (deltas applied). */
    record Entry(String file, AafReader.Request request) {
    }

    Entry find(String type, String id);

    /** The entries of a type with these ids (those present), in no particular order. */
    List<Entry> find(String type, Collection<String> ids);

    /** The pupils whose registry id (the INE, else {@code aaf-<id>}) is one of these. */
    List<Entry> pupilsWithRegistryIds(Collection<String> registryIds);

    /** False when some pupil's registry id is not stored (rows written before V18_18): duplicates cannot be found. */
    boolean registryIdsKnown();

    /** The staff attached ({@code ENTPersonStructRattach}) to one of these structures, in a stable order. */
    List<Entry> staffOf(Set<String> structures);

    /** Adds or replaces; {@code structure}: a pupil's establishment or an establishment's UAI, else null. */
    void put(String type, String structure, Entry entry);

    /** False when absent. */
    boolean remove(String type, String id);

    /** Forgets every entry of a type (a full file replaces them all). */
    void clear(String type);

    /** {@code ENTStructureJointure} → UAI, of the establishments of the feed. */
    Map<String, String> structures();

    /** The pupils attached to one of these structures, in a stable order. */
    List<Entry> pupilsOf(Set<String> structures);

    /** The pupils attached to none of these structures (or to none at all). */
    List<Entry> pupilsOutside(Set<String> structures);

    int count(String type);
}
