package fr.ent.portal.admin.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.establishment.entity.ServicePattern;

/** An establishment and its services as the region's pages show them (a copy: no entity leaves the boundary). */
public record EstablishmentRow(long id, long version, String uai, String name, EstablishmentKind kind,
                               String academie, String city, String contactEmail, String contactPhone,
                               List<ServiceRow> services) implements Serializable {

    /** One offered service. */
    public record ServiceRow(long id, long version, String name, String url, boolean enabled, int position,
                             PatternKind ssoKind, String ssoPattern, Set<ReleasedAttribute> attributes,
                             boolean singleLogout) implements Serializable {

        static ServiceRow of(OfferedService service) {
            ServicePattern pattern = service.ssoPattern().orElse(null);
            return new ServiceRow(service.id(), service.version(), service.name(), service.url(), service.enabled(),
                    service.position(), pattern == null ? null : pattern.kind(),
                    pattern == null ? null : pattern.value(), service.releasedAttributes(), service.singleLogout());
        }
    }

    public EstablishmentRow {
        services = List.copyOf(services);
    }

    static EstablishmentRow of(Establishment e, boolean withServices) {
        return new EstablishmentRow(e.id(), e.version(), e.uai(), e.name(), e.kind(), e.academie(), e.city(),
                e.contactEmail(), e.contactPhone(),
                withServices ? e.services().stream().map(ServiceRow::of).toList() : List.of());
    }
}
