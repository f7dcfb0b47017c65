package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import fr.ent.portal.registry.entity.AafEntry;

/**
 * The feed's state in the database ({@code aaf_feed_entry}), inside the caller's transaction: a delta of a later
 * night finds there the persons of the full feed. Writes are flushed and the persistence context cleared every
 * {@code batch} changes, so that reading a full file of 100,000 persons keeps memory flat; an establishment's pupils
 * are read by their structure (one establishment in memory at a time).
 */
public final class StoredAafEntries implements AafEntries {

    private static final String PUPILS = "Eleve";

    private final EntityManager em;
    private final int batch;
    private int pending;
    /** Types emptied by a full file in this transaction, and the ids put since: a new id needs no look-up. */
    private final Set<String> cleared = new HashSet<>();
    private final Set<String> put = new HashSet<>();

    public StoredAafEntries(EntityManager em, int batch) {
        this.em = em;
        this.batch = Math.max(1, batch);
    }

    @Override
    public Entry find(String type, String id) {
        AafEntry entry = em.find(AafEntry.class, AafEntry.key(type, id));
        return entry == null ? null : entry(entry);
    }

    @Override
    public List<Entry> find(String type, Collection<String> ids) {
        List<AafEntry> found = new ArrayList<>();
        for (String id : ids) {
            AafEntry entry = em.find(AafEntry.class, AafEntry.key(type, id));
            if (entry != null) {
                found.add(entry);
            }
        }
        return read(found);
    }

    @Override
    public List<Entry> pupilsWithRegistryIds(Collection<String> registryIds) {
        List<AafEntry> found = new ArrayList<>();
        for (List<String> chunk : RegistryStates.chunks(registryIds)) {
            found.addAll(em.createQuery("select e from AafEntry e where e.type = 'Eleve' and e.registryId in :ids",
                    AafEntry.class).setParameter("ids", chunk).getResultList());
        }
        return read(found);
    }

    @Override
    public boolean registryIdsKnown() {
        return em.createQuery("select count(e) from AafEntry e where e.type = 'Eleve' and e.registryId is null",
                Long.class).getSingleResult() == 0;
    }

    @Override
    public List<Entry> staffOf(Set<String> structures) {
        return read(em.createQuery("select e from AafEntry e where e.type = 'PersEducNat' and e.structure in :structures"
                + " order by e.fileName, e.line, e.aafId", AafEntry.class).setParameter("structures", structures)
                .getResultList());
    }

    @Override
    public void put(String type, String structure, Entry entry) {
        AafReader.Request request = entry.request();
        String text = AafAttributes.encode(request.category(), request.attributes());
        String key = AafEntry.key(type, request.id());
        AafEntry stored = cleared.contains(type) && put.add(key) ? null : em.find(AafEntry.class, key);
        String registryId = PUPILS.equals(type) ? AafFeed.registryId(request) : null;
        if (stored == null) {
            em.persist(new AafEntry(type, request.id(), structure, registryId, entry.file(), request.line(), text));
        } else {
            stored.replace(structure, registryId, entry.file(), request.line(), text);
        }
        step();
    }

    @Override
    public boolean remove(String type, String id) {
        AafEntry stored = em.find(AafEntry.class, AafEntry.key(type, id));
        if (stored == null) {
            return false;
        }
        put.remove(AafEntry.key(type, id));
        em.remove(stored);
        step();
        return true;
    }

    @Override
    public void clear(String type) {
        em.flush();
        em.createQuery("delete from AafEntry e where e.type = :type").setParameter("type", type).executeUpdate();
        cleared.add(type);
        put.removeIf(key -> key.startsWith(type + "|"));
        em.clear();
        pending = 0;
    }

    @Override
    public Map<String, String> structures() {
        Map<String, String> structures = new HashMap<>();
        em.createQuery("select e.aafId, e.structure from AafEntry e where e.type = 'EtabEducNat'"
                        + " and e.structure is not null", Object[].class)
                .getResultList().forEach(r -> structures.put((String) r[0], (String) r[1]));
        return structures;
    }

    @Override
    public List<Entry> pupilsOf(Set<String> structures) {
        return read(em.createQuery("select e from AafEntry e where e.type = 'Eleve' and e.structure in :structures"
                + " order by e.fileName, e.line, e.aafId", AafEntry.class).setParameter("structures", structures)
                .getResultList());
    }

    @Override
    public List<Entry> pupilsOutside(Set<String> structures) {
        return read(structures.isEmpty()
                ? em.createQuery("select e from AafEntry e where e.type = 'Eleve' order by e.fileName, e.line",
                        AafEntry.class).setMaxResults(1000).getResultList()
                : em.createQuery("select e from AafEntry e where e.type = 'Eleve' and (e.structure is null"
                        + " or e.structure not in :structures) order by e.fileName, e.line", AafEntry.class)
                        .setParameter("structures", structures).setMaxResults(1000).getResultList());
    }

    @Override
    public int count(String type) {
        return em.createQuery("select count(e) from AafEntry e where e.type = :type", Long.class)
                .setParameter("type", type).getSingleResult().intValue();
    }

    private List<Entry> read(List<AafEntry> stored) {
        List<Entry> entries = new ArrayList<>(stored.size());
        stored.forEach(e -> entries.add(entry(e)));
        em.flush();
        em.clear();
        pending = 0;
        return entries;
    }

    private static Entry entry(AafEntry stored) {
        return new Entry(stored.fileName(), AafAttributes.decode(stored.line(), stored.aafId(), stored.attributes()));
    }

    private void step() {
        if (++pending >= batch) {
            em.flush();
            em.clear();
            pending = 0;
        }
    }
}
