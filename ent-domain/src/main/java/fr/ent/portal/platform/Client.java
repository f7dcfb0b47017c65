package fr.ent.portal.platform;

import java.util.Locale;

/**
 * Who is asking, as far as the web layer knows: address (resolved through trusted proxies), browser and
 * language (for mails). Used by boundaries for the audit trail and notices; never for decisions on its own.
 */
public record Client(String ip, String userAgent, Locale locale) implements java.io.Serializable {

    public static final int MAX_USER_AGENT = 255;

    public Client {
        ip = ip == null ? "" : ip;
        userAgent = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        locale = locale == null ? Locale.FRENCH : locale;
    }
}
