package fr.ent.portal.mail.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping and safe linking of plain text, for mails and for pages that show plain-text mails. */
public final class Html {

    /** An http(s) URL up to the first space, quote or angle bracket. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than a URL. */
    private static final String TRAILING = ".,;:!?)]";

    private Html() {
    }

    /** Escapes {@code & < > " '} so the text can go into element content or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** True for an absolute http or https URL (the only links the portal makes clickable). */
    public static boolean isWebLink(String value) {
        return value != null && URL.matcher(value).matches();
    }

    /** An anchor for an http(s) URL, or the escaped text when it is anything else (javascript:, data:…). */
    public static String link(String url, String style) {
        if (!isWebLink(url)) {
            return escape(url);
        }
        String escaped = escape(url);
        return "<a href=\"" + escaped + "\"" + (style == null ? "" : " style=\"" + escape(style) + "\"") + ">"
                + escaped + "</a>";
    }

    /**
     * Plain text to HTML: everything escaped, then each http(s) URL made a link (trailing punctuation left
     * out of it). Line breaks are kept as they are, for a {@code <pre>}.
     */
    public static String linkify(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            out.append(escape(text.substring(last, m.start())));
            String url = text.substring(m.start(), end);
            out.append("<a href=\"").append(escape(url)).append("\" rel=\"noopener noreferrer\">")
                    .append(escape(url)).append("</a>");
            last = end;
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }
}
