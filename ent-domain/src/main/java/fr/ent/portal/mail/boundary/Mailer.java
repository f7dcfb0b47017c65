package fr.ent.portal.mail.boundary;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.mail.control.MailTemplates;
import fr.ent.portal.mail.control.RenderedMail;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.mail.entity.OutboxMail;

/**
 * Sends mails the safe way: {@link #queue} renders the mail and writes it to the outbox in the caller's
 * transaction, so the mail exists if and only if the change it tells about committed; the
 * {@code OutboxDispatcher} delivers it afterwards.
 */
@Stateless
public class Mailer {

    /** The most mails {@link #latest} returns. */
    static final int MAX_LATEST = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Renders {@code template} in {@code locale} (French when the language is not English) and queues it.
     * Must run inside the caller's transaction.
     *
     * @param parameters every parameter the template names ({@link MailTemplate#parameters()})
     * @throws IllegalArgumentException when the recipient is not one address or a parameter is missing
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void queue(String recipient, MailTemplate template, Locale locale, Map<String, Object> parameters) {
        Locale language = Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        RenderedMail rendered = new MailTemplates(clock.getZone()).render(template, language, parameters);
        em.persist(new OutboxMail(template, recipient, language, rendered.subject(), rendered.text(),
                rendered.html(), clock.instant()));
    }

    /** The latest mails of the outbox, newest first (at most {@code max}, itself capped at 200). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OutboxMail> latest(int max) {
        return em.createNamedQuery(OutboxMail.LATEST, OutboxMail.class)
                .setMaxResults(Math.max(1, Math.min(max, MAX_LATEST)))
                .getResultList();
    }
}
