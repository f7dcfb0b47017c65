package fr.ent.portal.sso.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.sso.control.CasXml;
import fr.ent.portal.sso.control.IssuedTicket;
import fr.ent.portal.sso.control.LoginAnswer;
import fr.ent.portal.sso.control.ServiceTicket;
import fr.ent.portal.sso.control.ServiceTickets;
import fr.ent.portal.sso.control.SsoAttributes;
import fr.ent.portal.sso.control.TicketCheck;
import fr.ent.portal.sso.control.TicketIds;

/**
 * The portal as a CAS 3.0 server: service tickets for the registered services of the chosen establishment, their
 * validation (CAS 2.0 answer, or CAS 3.0 with attributes) and what ends with a portal session. Every step is audited;
 * a service URL outside the registry is never redirected to.
 */
@Stateless
public class CasServer {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    EstablishmentChoice choice;

    @EJB
    SingleLogout singleLogout;

    @Inject
    ServiceTickets tickets;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The enabled single sign-on services, of every establishment, that allow this service URL. */
    public List<OfferedService> registered(String service) {
        boolean loopback = loopbackHttp();
        return em.createQuery("select s from OfferedService s join fetch s.establishment"
                        + " where s.enabled = true and s.casPattern is not null", OfferedService.class)
                .getResultList().stream()
                .filter(s -> s.ssoPattern().map(p -> p.allows(service, loopback)).orElse(false))
                .toList();
    }

    /** True when some establishment offers a registered service at this URL (gateway and logout redirects). */
    public boolean isRegistered(String service) {
        return !registered(service).isEmpty();
    }

    /** Refuses a service URL to a visitor not signed in (audited; the page says so, nothing redirects). */
    public boolean admitAnonymous(String service, Client client) {
        if (isRegistered(service)) {
            return true;
        }
        audit.record(AuditEventType.CAS_SERVICE_REFUSED, null, null, client.ip(), client.userAgent(), "unregistered");
        return false;
    }

    /**
     * A ticket for a signed-in person: the service must be registered, and offered in the establishment of the
     * session (else the one the person lands on; none chosen among several: choose first).
     */
    public LoginAnswer login(String service, long accountId, Long sessionEstablishment, Instant authenticatedAt,
                             boolean fromNewLogin, Client client) {
        Account account = em.find(Account.class, accountId);
        List<OfferedService> matching = registered(service);
        if (account == null || matching.isEmpty()) {
            audit.record(AuditEventType.CAS_SERVICE_REFUSED, accountId, account == null ? null : account.identifier(),
                    client.ip(), client.userAgent(), "unregistered");
            return LoginAnswer.of(LoginAnswer.Kind.REFUSED);
        }
        List<Long> linked = choice.linked(accountId).stream().map(LinkedEstablishment::getId).toList();
        Long establishmentId = sessionEstablishment != null && linked.contains(sessionEstablishment)
                ? sessionEstablishment : null;
        if (establishmentId == null) {
            EstablishmentLanding landing = choice.landing(accountId);
            if (landing.choiceNeeded()) {
                return LoginAnswer.of(LoginAnswer.Kind.CHOOSE_ESTABLISHMENT);
            }
            establishmentId = landing.establishmentId();
        }
        Long chosen = establishmentId;
        Optional<OfferedService> offered = matching.stream()
                .filter(s -> chosen != null && chosen.equals(s.establishment().id())).findFirst();
        if (offered.isEmpty()) {
            audit.record(AuditEventType.CAS_SERVICE_REFUSED, accountId, account.identifier(), client.ip(),
                    client.userAgent(), "not_offered:" + matching.get(0).id(), chosen);
            return new LoginAnswer(LoginAnswer.Kind.NOT_OFFERED_HERE, null, null, chosen, matching.get(0).name());
        }
        Instant now = clock.instant();
        OfferedService registered = offered.get();
        ServiceTicket ticket = new ServiceTicket(TicketIds.newServiceTicket(), service, registered.id(), accountId,
                chosen, now, now.plus(settings.getDuration(Setting.CAS_TICKET_VALIDITY)), authenticatedAt,
                fromNewLogin);
        tickets.put(ticket, now);
        audit.record(AuditEventType.CAS_TICKET_ISSUED, accountId, account.identifier(), client.ip(),
                client.userAgent(), "service:" + registered.id(), chosen);
        String redirect = service + (service.contains("?") ? "&" : "?") + "ticket=" + ticket.id();
        return new LoginAnswer(LoginAnswer.Kind.TICKET, redirect,
                new IssuedTicket(ticket.id(), service, registered.id(), accountId), chosen, registered.name());
    }

    /**
     * Validates a ticket for a service ({@code /cas/serviceValidate}, {@code /cas/p3/serviceValidate}): the XML
     * answer, with the attributes block when {@code withAttributes}. The ticket is spent whatever the answer.
     */
    public String validate(String ticketId, String service, boolean renew, boolean withAttributes,
                           boolean proxyCallbackAsked, Client client) {
        if (proxyCallbackAsked) {
            audit.record(AuditEventType.CAS_PROXY_REFUSED, null, null, client.ip(), client.userAgent(), "pgt_url");
        }
        if (ticketId == null || ticketId.isBlank() || service == null || service.isBlank()) {
            reject(null, client, "missing_parameter");
            return CasXml.failure(CasXml.INVALID_REQUEST, "Both ticket and service are required");
        }
        Optional<ServiceTicket> taken = tickets.take(ticketId);
        TicketCheck check = TicketCheck.of(taken, service, renew, clock.instant());
        if (check != TicketCheck.VALID) {
            reject(taken.orElse(null), client, check.name().toLowerCase(java.util.Locale.ROOT));
            return CasXml.failure(check.casCode(), check == TicketCheck.OTHER_SERVICE
                    ? "The ticket was not issued for this service" : "The ticket is not recognized");
        }
        ServiceTicket ticket = taken.get();
        Account account = em.find(Account.class, ticket.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED) {
            reject(ticket, client, "account_disabled");
            return CasXml.failure(CasXml.INVALID_TICKET, "The ticket is not recognized");
        }
        OfferedService registered = em.find(OfferedService.class, ticket.serviceId());
        if (registered == null || !registered.enabled()
                || !registered.ssoPattern().map(p -> p.allows(service, loopbackHttp())).orElse(false)) {
            audit.record(AuditEventType.CAS_SERVICE_REFUSED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "withdrawn:" + ticket.serviceId(), ticket.establishmentId());
            return CasXml.failure(CasXml.INVALID_SERVICE, "The service is not registered any more");
        }
        audit.record(AuditEventType.CAS_TICKET_VALIDATED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "service:" + registered.id(), ticket.establishmentId());
        return CasXml.success(account.identifier(), withAttributes
                ? SsoAttributes.of(person(account, ticket.establishmentId()), registered.releasedAttributes(),
                        ticket.authenticatedAt(), ticket.fromNewLogin())
                : null);
    }

    /** A request to {@code /cas/proxy}: no service of the registry may proxy (audited). */
    public String refuseProxy(Client client) {
        audit.record(AuditEventType.CAS_PROXY_REFUSED, null, null, client.ip(), client.userAgent(), "proxy");
        return CasXml.proxyFailure(CasXml.UNAUTHORIZED_SERVICE_PROXY, "No service may proxy");
    }

    /**
     * A portal session ended: its tickets not validated yet are voided, and the services registered for single
     * logout are sent a logout request for each ticket (in the background).
     */
    public void sessionEnded(List<IssuedTicket> issued) {
        List<IssuedTicket> toNotify = new ArrayList<>();
        for (IssuedTicket ticket : issued) {
            tickets.take(ticket.ticketId());
            OfferedService registered = em.find(OfferedService.class, ticket.serviceId());
            if (registered != null && registered.singleLogout()) {
                toNotify.add(ticket);
            }
        }
        if (!toNotify.isEmpty()) {
            singleLogout.notifyServices(toNotify);
        }
    }

    private void reject(ServiceTicket ticket, Client client, String reason) {
        audit.record(AuditEventType.CAS_TICKET_REJECTED, ticket == null ? null : ticket.accountId(), null,
                client.ip(), client.userAgent(), ticket == null ? reason : reason + ":service:" + ticket.serviceId(),
                ticket == null ? null : ticket.establishmentId());
    }

    /** The person as the ticket's establishment sees them: its UAI, their class there, their children there. */
    private SsoAttributes.Person person(Account account, long establishmentId) {
        LocalDate day = LocalDate.now(clock);
        Establishment establishment = em.find(Establishment.class, establishmentId);
        String division = em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                .setParameter("pupil", account).getResultStream()
                .filter(e -> e.isActiveOn(day) && e.establishment().id() == establishmentId)
                .map(Enrollment::division).findFirst().orElse(null);
        List<String> children = em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                .setParameter("representative", account).getResultStream()
                .filter(Responsibility::isAttached)
                .map(Responsibility::pupil)
                .filter(pupil -> em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                        .setParameter("pupil", pupil).getResultStream()
                        .anyMatch(e -> e.isActiveOn(day) && e.establishment().id() == establishmentId))
                .map(Account::identifier).sorted().toList();
        return new SsoAttributes.Person(account.identifier(), account.firstName(), account.lastName(),
                account.profile().name(), establishment == null ? null : establishment.uai(), division, children);
    }

    private boolean loopbackHttp() {
        return settings.getBoolean(Setting.CAS_LOOPBACK_HTTP);
    }
}
