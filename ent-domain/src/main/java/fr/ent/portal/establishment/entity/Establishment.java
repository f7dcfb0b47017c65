package fr.ent.portal.establishment.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.ent.portal.mail.entity.ValidEmail;

/** A school, collège or lycée of the region, and the services its users reach from the portal. */
@Entity
@Table(name = "establishment")
@SequenceGenerator(name = "establishment_seq", sequenceName = "establishment_seq", allocationSize = 50)
@NamedQuery(name = Establishment.BY_UAI,
        query = "select e from Establishment e left join fetch e.services where e.uai = :uai")
@NamedQuery(name = Establishment.COUNT_BY_UAI,
        query = "select count(e) from Establishment e where e.uai = :uai")
@NamedQuery(name = Establishment.ALL, query = "select e from Establishment e order by e.name, e.uai")
public class Establishment {

    public static final String BY_UAI = "Establishment.byUai";
    public static final String COUNT_BY_UAI = "Establishment.countByUai";
    public static final String ALL = "Establishment.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "establishment_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @ValidUai
    @Column(name = "uai", nullable = false, length = 8)
    private String uai;

    @NotBlank
    @Size(max = 200)
    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private EstablishmentKind kind;

    @NotBlank
    @Size(max = 100)
    @Column(name = "academie", nullable = false, length = 100)
    private String academie;

    @NotBlank
    @Size(max = 100)
    @Column(name = "city", nullable = false, length = 100)
    private String city;

    @ValidEmail(message = "{establishment.contactEmail.invalid}")
    @Size(max = 254)
    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Pattern(regexp = "\\+?[0-9 .()-]{6,32}", message = "{establishment.contactPhone.invalid}")
    @Column(name = "contact_phone", length = 32)
    private String contactPhone;

    @Valid
    @OneToMany(mappedBy = "establishment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OfferedService> services = new ArrayList<>();

    protected Establishment() {
        // JPA
    }

    public Establishment(String uai, String name, EstablishmentKind kind, String academie, String city) {
        this.uai = UaiRule.normalize(uai);
        this.name = name;
        this.kind = kind;
        this.academie = academie;
        this.city = city;
    }

    /** Changes the name, kind, académie and city (the UAI code never changes: it is the establishment's key). */
    public void change(String newName, EstablishmentKind newKind, String newAcademie, String newCity) {
        this.name = newName;
        this.kind = newKind;
        this.academie = newAcademie;
        this.city = newCity;
    }

    /** The service with this id, if this establishment offers it. */
    public java.util.Optional<OfferedService> service(long serviceId) {
        return services.stream().filter(s -> s.id() != null && s.id() == serviceId).findFirst();
    }

    /** Sets the contact address and phone shown to families (either may be null). */
    public void changeContact(String email, String phone) {
        this.contactEmail = email == null || email.isBlank() ? null : email.strip();
        this.contactPhone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    /** Adds a service after the existing ones. */
    public OfferedService offerService(String serviceName, String url) {
        int position = services.stream().mapToInt(OfferedService::position).max().orElse(0) + 1;
        OfferedService service = new OfferedService(this, serviceName, url, position);
        services.add(service);
        return service;
    }

    /** Stops offering a service. */
    public void withdrawService(OfferedService service) {
        services.remove(service);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String uai() {
        return uai;
    }

    public String name() {
        return name;
    }

    public EstablishmentKind kind() {
        return kind;
    }

    public String academie() {
        return academie;
    }

    public String city() {
        return city;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
    }

    /** The services, in display order. */
    public List<OfferedService> services() {
        return Collections.unmodifiableList(services);
    }

    @Override
    public String toString() {
        return "Establishment[" + uai + " " + name + "]";
    }
}
