package fr.ent.portal.view.home;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.HomePage;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.boundary.Tile;
import fr.ent.portal.view.CallerName;
import fr.ent.portal.view.CurrentEstablishment;

/**
 * Backing bean of /home: the services of the chosen establishment as tiles. One boundary call ({@link HomePage})
 * gives everything the page shows, the header's switcher included.
 */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    CallerName callerName;

    @Inject
    HomeViews views;

    @Inject
    CurrentEstablishment current;

    private HomePage.View view;

    /** View action: a person with several establishments and none chosen (or no longer linked) chooses first. */
    public String load() {
        return view().choiceNeeded() ? "/establishments?faces-redirect=true" : null;
    }

    private HomePage.View view() {
        if (view == null) {
            view = views.prepare(Faces.getRequest());
            current.use(view.linked());
        }
        return view;
    }

    /** The marks {@link HomePageCache} asks for while it keeps this rendering, or null. */
    private static HomePageCache.Marks marks() {
        return (HomePageCache.Marks) Faces.getRequest().getAttribute(HomePageCache.Marks.ATTRIBUTE);
    }

    public String getIdentifier() {
        return callerName.getText();
    }

    public LinkedEstablishment getEstablishment() {
        return view().current();
    }

    public List<Tile> getTiles() {
        HomePageCache.Marks marks = marks();
        List<Tile> tiles = view().tiles();
        return marks == null ? tiles : tiles.stream().map(t -> t.withForChildren(marks.forChildren())).toList();
    }

    public boolean isChildrenToConfirm() {
        return view().childrenToConfirm();
    }
}
