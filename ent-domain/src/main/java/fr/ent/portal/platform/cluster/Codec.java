package fr.ent.portal.platform.cluster;

/**
 * Turns a stored value into text and back. The data grid keeps only strings, so that no member ever needs the
 * application's classes to read, compare or back up an entry (a member deserializing an application class with the
 * grid's own class loader is a classic failure of clustered caches).
 *
 * @param <V> the value type
 */
public interface Codec<V> {

    String encode(V value);

    V decode(String text);
}
