package fr.ent.portal.families.boundary;

import java.io.Serializable;
import java.util.List;

/** An establishment a person is linked to this school year, and through which children (a bean: pages read it). */
public final class LinkedEstablishment implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String city;
    private final List<String> children;

    LinkedEstablishment(long id, String name, String city, List<String> children) {
        this.id = id;
        this.name = name;
        this.city = city;
        this.children = List.copyOf(children);
    }

    public long getId() { return id; }
    public String getName() { return name; }
    public String getCity() { return city; }
    /** First names of the attached children enrolled there (empty for one's own enrollment or assignment). */
    public List<String> getChildren() { return children; }
    public String getChildrenText() { return String.join(", ", children); }
}
