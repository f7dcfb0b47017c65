package fr.ent.portal.mail.boundary;

import java.time.Clock;

import jakarta.persistence.EntityManager;

/** A {@link Mailer} wired by hand (tests of other packages' boundaries, outside a container). */
public final class TestMailers {

    private TestMailers() {
    }

    public static Mailer of(EntityManager em, Clock clock) {
        Mailer mailer = new Mailer();
        mailer.em = em;
        mailer.clock = clock;
        return mailer;
    }
}
