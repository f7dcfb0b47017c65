package fr.ent.portal.establishment.boundary;

import java.io.Serializable;
import java.util.List;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.establishment.entity.OfferedService;

/** An establishment and its services as the region's pages show them (a copy: no entity leaves the boundary). */
public record EstablishmentRow(long id, long version, String uai, String name, EstablishmentKind kind,
                               String academie, String city, String contactEmail, String contactPhone,
                               List<ServiceRow> services) implements Serializable {

    /** One offered service. */
    public record ServiceRow(long id, long version, String name, String url, boolean enabled, int position)
            implements Serializable {

        static ServiceRow of(OfferedService service) {
            return new ServiceRow(service.id(), service.version(), service.name(), service.url(), service.enabled(),
                    service.position());
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
