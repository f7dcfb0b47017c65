package fr.ent.portal.families.boundary;

import java.io.Serializable;

/** A service tile of the home page: name, address, whether it opens through single sign-on and, for a representative, which children it is for. */
public final class Tile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String url;
    private final String forChildren;
    private final boolean sso;

    Tile(String name, String url, String forChildren, boolean sso) {
        this.name = name;
        this.url = url;
        this.forChildren = forChildren;
        this.sso = sso;
    }

    /** The tiles of these services, for these children (first names joined; empty: for the person). */
    static java.util.List<Tile> of(java.util.List<fr.ent.portal.families.control.ServiceTiles.Service> services,
                                   String forChildren) {
        return services.stream().map(s -> new Tile(s.name(), s.url(), forChildren, s.sso())).toList();
    }

    /** This tile for other children's names (empty: for the person), the rest unchanged. */
    public Tile withForChildren(String names) {
        return new Tile(name, url, forChildren.isEmpty() ? "" : names, sso);
    }

    public String getName() { return name; }
    public String getUrl() { return url; }
    /** First names joined ("Émile, Manon"), empty when the tile is for the person themselves. */
    public String getForChildren() { return forChildren; }
    /** Opened through the portal's CAS server: the page links to {@code /cas/login?service=} the address. */
    public boolean isSso() { return sso; }
    /** The address, URL-encoded for the {@code service} parameter. */
    public String getServiceParameter() {
        return java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }
}
