package fr.ent.portal.view.admin.region;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.registry.boundary.FeedStatus;
import fr.ent.portal.registry.boundary.RegionFeed;
import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/** Backing bean of /admin/region/feed: the region's AAF inbox, its latest files, their counts and errors (read only). */
@Named
@RequestScoped
public class RegionFeedBacking {

    @EJB
    RegionFeed feed;

    @Inject
    AdminContext admin;

    private FeedStatus status;

    /** View action. */
    public void load() {
        status = feed.status(admin.scope(), admin.client());
    }

    public FeedStatus getStatus() {
        return status;
    }

    public String errorText(RowError error) {
        return Texts.text(error.key(), error.params().toArray());
    }

    public String stateText(String state) {
        return Texts.text("admin.region.feed.state." + state);
    }
}
