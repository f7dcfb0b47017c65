package fr.ent.portal.families.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.families.entity.HelpNeeded;

/**
 * Where a family's call for help goes. For now it is only audited ({@code HELP_NEEDED}, detail
 * {@code <kind>:<pupil id>}, scoped to the establishment).
 * TODO help requests: open one here with {@code HelpRequests.open(...)} (feature {@code fr.ent.portal.help}), the
 * one place to wire when both branches meet.
 */
@ApplicationScoped
public class HelpNeededAudit {

    @EJB
    AuditTrail audit;

    void onHelpNeeded(@Observes HelpNeeded help) {
        audit.record(AuditEventType.HELP_NEEDED, help.representativeId(), null, null, null,
                help.kind().name() + ":" + (help.pupilId() == null ? "-" : help.pupilId()), help.establishmentId());
    }
}
