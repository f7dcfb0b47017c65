package fr.ent.portal.sso.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ticket identifiers: {@code ST-} and 256 random bits from {@link SecureRandom}, written in lower-case hexadecimal, so
 * that a ticket holds only the characters CAS 3.0 section 3.7 allows (letters, digits and {@code -}): a Base64url
 * ticket carries {@code _} about one time in three, and some CAS clients then ignore it.
 */
public final class TicketIds {

    public static final String SERVICE_TICKET_PREFIX = "ST-";
    static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("ST-[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketIds() {
    }

    public static String newServiceTicket() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return SERVICE_TICKET_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** True for the shape this server issues (a proxy ticket {@code PT-…} or anything else is not one). */
    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
