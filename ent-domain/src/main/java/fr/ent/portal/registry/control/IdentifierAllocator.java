package fr.ent.portal.registry.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.control.IdentifierRule;

/**
 * Identifiers for many new accounts at once, by the same rule as {@code Accounts.nextIdentifier} (the base of the
 * name, then one more than the highest number used): the identifiers taken are read once per three-letter prefix
 * ({@code j.d%}) instead of once per account, and the ones handed out are remembered.
 */
public final class IdentifierAllocator {

    private static final Pattern NUMBERED = Pattern.compile("([a-z]\\.[a-z]+?)([1-9][0-9]{0,8})");

    private final EntityManager em;
    private final Set<String> prefixesRead = new HashSet<>();
    private final Map<String, Integer> highest = new HashMap<>();

    public IdentifierAllocator(EntityManager em) {
        this.em = em;
    }

    public String next(String firstName, String lastName) {
        String base = IdentifierRule.base(firstName, lastName);
        String prefix = base.substring(0, Math.min(3, base.length()));
        if (prefixesRead.add(prefix)) {
            em.createNamedQuery(Account.IDENTIFIERS_LIKE, String.class).setFlushMode(FlushModeType.COMMIT)
                    .setParameter("pattern", prefix + "%").getResultList().forEach(this::remember);
        }
        int number = highest.merge(base, 1, (old, one) -> old + 1);
        return base + number;
    }

    /**
     * Splits a taken identifier into base and number: {@code j.dupont12} is base {@code j.dupont}, 12. The lazy base
     * matches the rule's own parse because bases never end with a digit.
     */
    private void remember(String identifier) {
        Matcher m = NUMBERED.matcher(identifier);
        if (m.matches()) {
            highest.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
        }
    }
}
