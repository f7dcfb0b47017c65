package fr.ent.portal.mail.control;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

import fr.ent.portal.mail.entity.MailTemplate;

/**
 * Renders a {@link MailTemplate} from the bundle {@code fr/ent/portal/mail/mails} (French base, English twin):
 * the subject, the plain-text part, and the HTML part in a simple layout with inline styles only.
 * <p>
 * Bodies are plain text in the bundle, paragraphs separated by a blank line ({@code \n\n}). Parameters go
 * through {@link MessageFormat}'s placeholders; in the HTML part every parameter is escaped, line breaks in a
 * parameter become {@code <br>}, and link parameters become anchors (http and https only). Numbers and times
 * are formatted for the mail's language, times in the schools' time zone.
 */
public class MailTemplates {

    public static final String BUNDLE = "fr.ent.portal.mail.mails";

    /** Marks a parameter's place between formatting and escaping; cannot occur in bundle text. */
    private static final char MARK = '\u0000';

    private static final String LINK_STYLE = "color:#1a4f9c;text-decoration:underline;word-break:break-all;";

    private final ZoneId zone;

    /** @param zone the schools' time zone, in which times are shown */
    public MailTemplates(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param parameters every parameter the template names ({@link MailTemplate#parameters()}); an
     *                   {@link Instant} or other date-time is shown as a date and time, a number as a number
     * @throws IllegalArgumentException when a parameter is missing
     */
    public RenderedMail render(MailTemplate template, Locale locale, Map<String, ?> parameters) {
        ResourceBundle bundle = bundle(locale);
        List<String> names = template.parameters();
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i);
            if (parameters == null || parameters.get(name) == null) {
                throw new IllegalArgumentException("Mail " + template + " needs parameter " + name);
            }
            values[i] = display(parameters.get(name), locale);
        }
        String subject = format(bundle.getString(template.subjectKey()), locale, values).strip();
        String body = format(bundle.getString(template.bodyKey()), locale, values).strip();
        String footer = bundle.getString("layout.footer").strip();
        String text = body + "\n\n-- \n" + footer + "\n";
        return new RenderedMail(subject, text, html(template, locale, bundle, values, subject, footer));
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String display(Object value, Locale locale) {
        if (value instanceof Instant instant) {
            return dateTime(locale).format(instant.atZone(zone));
        }
        if (value instanceof ZonedDateTime time) {
            return dateTime(locale).format(time.withZoneSameInstant(zone));
        }
        if (value instanceof TemporalAccessor temporal) {
            return dateTime(locale).format(temporal);
        }
        if (value instanceof Number number) {
            return NumberFormat.getIntegerInstance(locale).format(number);
        }
        return value.toString();
    }

    private static DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
    }

    private static String format(String pattern, Locale locale, Object[] values) {
        return new MessageFormat(pattern, locale).format(values);
    }

    private String html(MailTemplate template, Locale locale, ResourceBundle bundle, String[] values,
                        String subject, String footer) {
        // Format with marks in place of the parameters, escape the bundle's text, then put the parameters back
        // escaped: the bundle's apostrophes keep their MessageFormat meaning and no parameter escapes escaping.
        Object[] marks = new Object[values.length];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = MARK + Integer.toString(i) + MARK;
        }
        String body = format(bundle.getString(template.bodyKey()), locale, marks).strip();
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            String inner = escape(paragraph.strip()).replace("\n", "<br>\n");
            paragraphs.append("<p style=\"margin:0 0 16px 0;\">")
                    .append(fill(inner, template, values))
                    .append("</p>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(locale.getLanguage()) + "\">\n<head>\n"
                + "<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(subject) + "</title>\n</head>\n"
                + "<body style=\"margin:0;padding:0;background-color:#f4f5f7;\">\n"
                + "<div style=\"max-width:600px;margin:0 auto;padding:24px 16px;\">\n"
                + "<div style=\"background-color:#ffffff;border:1px solid #dcdfe4;border-radius:6px;padding:24px;"
                + "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;\">\n"
                + "<p style=\"margin:0 0 20px 0;font-size:14px;font-weight:bold;color:#1a4f9c;\">"
                + Html.escape(bundle.getString("layout.brand")) + "</p>\n"
                + paragraphs
                + "</div>\n"
                + "<p style=\"margin:16px 0 0 0;font-family:Arial,Helvetica,sans-serif;font-size:12px;"
                + "line-height:1.4;color:#57606a;\">" + Html.escape(footer) + "</p>\n"
                + "</div>\n</body>\n</html>\n";
    }

    /** Escapes text that may hold marks (the marks themselves pass through unchanged). */
    private static String escape(String text) {
        return Html.escape(text);
    }

    private static String fill(String escapedWithMarks, MailTemplate template, String[] values) {
        StringBuilder out = new StringBuilder(escapedWithMarks.length() + 64);
        int i = 0;
        while (i < escapedWithMarks.length()) {
            char c = escapedWithMarks.charAt(i);
            int close = c == MARK ? escapedWithMarks.indexOf(MARK, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            int index = Integer.parseInt(escapedWithMarks.substring(i + 1, close));
            String value = values[index];
            if (template.isLink(template.parameters().get(index))) {
                out.append(Html.link(value, LINK_STYLE));
            } else {
                out.append(Html.escape(value).replace("\r\n", "\n").replace("\n", "<br>\n"));
            }
            i = close + 1;
        }
        return out.toString();
    }
}
