package fr.ent.portal.help.boundary;

import java.io.Serializable;
import java.time.Instant;

import fr.ent.portal.help.entity.HelpRequest;
import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.help.entity.HelpRequestStatus;

/** A help request as the administration lists it (a copy: no entity leaves the boundary). */
public record HelpRequestView(long id, long accountId, String identifier, String firstName, String lastName,
                              String profile, Long establishmentId, String establishmentName, String division,
                              HelpRequestKind kind, HelpRequestStatus status, Instant createdAt, Instant resolvedAt,
                              String resolvedBy, String resolutionNote) implements Serializable {

    static HelpRequestView of(HelpRequest request) {
        var account = request.account();
        var establishment = request.establishment();
        return new HelpRequestView(request.id(), account.id(), account.identifier(), account.firstName(),
                account.lastName(), account.profile().name(), establishment == null ? null : establishment.id(),
                establishment == null ? null : establishment.name(), request.division(), request.kind(),
                request.status(), request.createdAt(), request.resolvedAt(), request.resolvedBy(),
                request.resolutionNote());
    }

    public boolean isOpen() {
        return status == HelpRequestStatus.OPEN;
    }
}
