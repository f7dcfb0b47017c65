package fr.ent.portal.help.boundary;

import java.io.Serializable;

import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.help.entity.HelpRequestStatus;

/** The administration's filters on help requests; a null part does not filter. */
public record HelpRequestFilter(HelpRequestKind kind, HelpRequestStatus status, String division)
        implements Serializable {

    public static final HelpRequestFilter NONE = new HelpRequestFilter(null, null, null);

    public HelpRequestFilter {
        division = division == null || division.isBlank() ? null : division.strip();
    }

    boolean accepts(HelpRequestView request) {
        return (kind == null || kind == request.kind())
                && (status == null || status == request.status())
                && (division == null || division.equalsIgnoreCase(request.division()));
    }
}
