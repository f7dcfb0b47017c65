package fr.ent.portal.sso.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Ticket identifiers: {@code ST-} and 256 random bits from {@link SecureRandom}, Base64url without padding. */
public final class TicketIds {

    public static final String SERVICE_TICKET_PREFIX = "ST-";
    static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("ST-[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketIds() {
    }

    public static String newServiceTicket() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return SERVICE_TICKET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True for the shape this server issues (a proxy ticket {@code PT-…} or anything else is not one). */
    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
