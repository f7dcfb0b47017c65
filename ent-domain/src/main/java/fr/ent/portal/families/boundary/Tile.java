package fr.ent.portal.families.boundary;

import java.io.Serializable;

/** A service tile of the home page: name, address and, for a representative, which children it is for. */
public final class Tile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String url;
    private final String forChildren;

    Tile(String name, String url, String forChildren) {
        this.name = name;
        this.url = url;
        this.forChildren = forChildren;
    }

    public String getName() { return name; }
    public String getUrl() { return url; }
    /** First names joined ("Émile, Manon"), empty when the tile is for the person themselves. */
    public String getForChildren() { return forChildren; }
}
