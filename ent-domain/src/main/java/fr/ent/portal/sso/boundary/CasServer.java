package fr.ent.portal.sso.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.SessionsEnded;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.sso.control.CasAnswer;
import fr.ent.portal.sso.control.CasXml;
import fr.ent.portal.sso.control.IssuedTicket;
import fr.ent.portal.sso.control.LoginAnswer;
import fr.ent.portal.sso.control.OpenedServices;
import fr.ent.portal.sso.control.PersonAtEstablishment;
import fr.ent.portal.sso.control.ServiceTicket;
import fr.ent.portal.sso.control.ServiceTickets;
import fr.ent.portal.sso.control.SignInMethod;
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

    @Inject
    SingleLogout singleLogout;

    @Inject
    OpenedServices opened;

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

    /** The way back to /cas/login was not the portal's, or not this browser's (audited; ignored). */
    public void refuseReturn(Client client, String reason) {
        audit.record(AuditEventType.CAS_RETURN_REFUSED, null, null, client.ip(), client.userAgent(), reason);
    }

    /**
     * A ticket for a signed-in person: the service must be registered, and offered in the establishment of the
     * session (else the one the person lands on; none chosen among several: choose first).
     *
     * @param fromNewLogin credentials were typed for this very request
     * @param longTermUsed a remembered device signed the person in
     * @param signedInWith how the session was signed in (the web's {@code Sessions.signedInWith}: pwd, pwd+otp,
     *                     passkey, device; null if unknown), made into the ticket's method by {@link SignInMethod#amr}
     */
    public LoginAnswer login(String service, long accountId, Long sessionEstablishment, Instant authenticatedAt,
                             boolean fromNewLogin, boolean longTermUsed, String signedInWith, Client client) {
        String amr = SignInMethod.amr(signedInWith, longTermUsed);
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
                fromNewLogin, longTermUsed, amr);
        tickets.put(ticket, now);
        audit.record(AuditEventType.CAS_TICKET_ISSUED, accountId, account.identifier(), client.ip(),
                client.userAgent(), "service:" + registered.id(), chosen);
        String redirect = service + (service.contains("?") ? "&" : "?") + "ticket=" + ticket.id();
        return new LoginAnswer(LoginAnswer.Kind.TICKET, redirect,
                new IssuedTicket(ticket.id(), service, registered.id(), accountId, authenticatedAt), chosen, registered.name());
    }

    /**
     * Validates a ticket for a service ({@code /cas/serviceValidate}, {@code /cas/p3/serviceValidate}): the answer,
     * with the attributes block when {@code withAttributes}, to be written in the format asked for. The ticket is
     * spent whatever the answer. A success records the service as opened by the person (single logout).
     */
    public CasAnswer validate(String ticketId, String service, boolean renew, boolean withAttributes,
                           boolean proxyCallbackAsked, Client client) {
        if (proxyCallbackAsked) {
            audit.record(AuditEventType.CAS_PROXY_REFUSED, null, null, client.ip(), client.userAgent(), "pgt_url");
        }
        if (ticketId == null || ticketId.isBlank() || service == null || service.isBlank()) {
            reject(null, client, "missing_parameter");
            return CasAnswer.failure(CasXml.INVALID_REQUEST, "Both ticket and service are required");
        }
        Optional<ServiceTicket> taken = tickets.take(ticketId);
        TicketCheck check = TicketCheck.of(taken, service, renew, clock.instant());
        if (check != TicketCheck.VALID) {
            reject(taken.orElse(null), client, check.name().toLowerCase(java.util.Locale.ROOT));
            return CasAnswer.failure(check.casCode(), check == TicketCheck.OTHER_SERVICE
                    ? "The ticket was not issued for this service" : "The ticket is not recognized");
        }
        ServiceTicket ticket = taken.get();
        Account account = em.find(Account.class, ticket.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED) {
            reject(ticket, client, "account_disabled");
            return CasAnswer.failure(CasXml.INVALID_TICKET, "The ticket is not recognized");
        }
        OfferedService registered = em.find(OfferedService.class, ticket.serviceId());
        if (registered == null || !registered.enabled()
                || !registered.ssoPattern().map(p -> p.allows(service, loopbackHttp())).orElse(false)) {
            audit.record(AuditEventType.CAS_SERVICE_REFUSED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "withdrawn:" + ticket.serviceId(), ticket.establishmentId());
            return CasAnswer.failure(CasXml.INVALID_SERVICE, "The service is not registered any more");
        }
        audit.record(AuditEventType.CAS_TICKET_VALIDATED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "service:" + registered.id(), ticket.establishmentId());
        if (registered.singleLogout()) {
            opened.validated(new IssuedTicket(ticket.id(), ticket.service(), ticket.serviceId(), ticket.accountId(),
                    ticket.authenticatedAt()));
        }
        return CasAnswer.success(account.identifier(), withAttributes
                ? SsoAttributes.of(person(account, ticket.establishmentId()), registered.releasedAttributes(),
                        ticket.authenticatedAt(), ticket.fromNewLogin(), ticket.longTermUsed(), ticket.amr())
                : null);
    }

    /** A request to {@code /cas/proxy}: no service of the registry may proxy (audited). */
    public String refuseProxy(Client client) {
        audit.record(AuditEventType.CAS_PROXY_REFUSED, null, null, client.ip(), client.userAgent(), "proxy");
        return CasXml.proxyFailure(CasXml.UNAUTHORIZED_SERVICE_PROXY, "No service may proxy");
    }

    /**
     * A portal session ended (or switched establishment): its tickets not validated yet are voided, and the services
     * registered for single logout that validated one are sent a logout request for it (in the background).
     */
    public void sessionEnded(List<IssuedTicket> issued) {
        if (issued.isEmpty()) {
            return;
        }
        for (IssuedTicket ticket : issued) {
            tickets.take(ticket.ticketId());
        }
        issued.stream().collect(java.util.stream.Collectors.groupingBy(IssuedTicket::accountId))
                .forEach((accountId, ofAccount) -> notify(opened.close(accountId,
                        ofAccount.stream().map(IssuedTicket::ticketId).toList())));
    }

    /**
     * Every session of the account signed in at or before {@code upTo} ended, on whichever node it lives ("sign out
     * everywhere", a disable, a password reset: the event {@link SessionsEnded} fired by the account when its change is written): the
     * services they opened are sent a logout request. No database access (it runs while the account's change is flushed).
     */
    public void accountSessionsEnded(@Observes SessionsEnded ended) {
        accountSessionsEnded(ended.accountId(), ended.upTo());
    }

    /** The same for an account id and an instant. */
    public void accountSessionsEnded(long accountId, Instant upTo) {
        notify(opened.closeUpTo(accountId, upTo));
    }

    /** Only tickets of services registered for single logout are kept as opened (at their validation). */
    private void notify(List<IssuedTicket> validated) {
        if (!validated.isEmpty()) {
            singleLogout.notifyServices(validated);
        }
    }

    private void reject(ServiceTicket ticket, Client client, String reason) {
        audit.record(AuditEventType.CAS_TICKET_REJECTED, ticket == null ? null : ticket.accountId(), null,
                client.ip(), client.userAgent(), ticket == null ? reason : reason + ":service:" + ticket.serviceId(),
                ticket == null ? null : ticket.establishmentId());
    }

    /** The person as the ticket's establishment sees them (the rule shared with OpenID Connect). */
    private SsoAttributes.Person person(Account account, long establishmentId) {
        return PersonAtEstablishment.of(em, account, establishmentId, LocalDate.now(clock));
    }

    private boolean loopbackHttp() {
        return settings.getBoolean(Setting.CAS_LOOPBACK_HTTP);
    }
}
