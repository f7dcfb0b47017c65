package fr.ent.portal.families.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.families.entity.HelpNeeded;

/**
 * Where a family's call for help goes: audited ({@code HELP_NEEDED}, detail {@code <kind>:<pupil id>}, scoped to
 * the establishment) and opened as a help request — about the child when there is one (so it reaches the child's
 * school office and principal teacher), else about the representative.
 */
@ApplicationScoped
public class HelpNeededAudit {

    @EJB
    AuditTrail audit;

    @EJB
    fr.ent.portal.help.boundary.HelpRequests helpRequests;

    void onHelpNeeded(@Observes HelpNeeded help) {
        audit.record(AuditEventType.HELP_NEEDED, help.representativeId(), null, null, null,
                help.kind().name() + ":" + (help.pupilId() == null ? "-" : help.pupilId()), help.establishmentId());
        helpRequests.open(help.pupilId() != null ? help.pupilId() : help.representativeId(),
                fr.ent.portal.help.entity.HelpRequestKind.valueOf(help.kind().name()),
                new fr.ent.portal.platform.Client(null, null, null));
    }
}
