package fr.ent.portal.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import fr.ent.portal.mail.control.Html;

/**
 * A page rendered once by Faces and answered again without it (/login, /home: issue 21): the answer captured
 * ({@link Capture}), cut at its per-request values ({@link #cut}) and filled with the next request's ({@link Cut#fill}).
 */
public final class KeptPage {

    private KeptPage() {
    }

    /**
     * A page's text cut at each occurrence of some values: {@code parts} has one more element than {@code holes},
     * {@code holes.get(i)} is the index (in the values given to {@link #cut}) of the value that followed {@code parts.get(i)}.
     */
    public record Cut(List<String> parts, List<Integer> holes) {

        /** The page with each hole filled with {@code values.get(hole)}. */
        public String fill(List<String> values) {
            StringBuilder page = new StringBuilder(parts.stream().mapToInt(String::length).sum() + 256);
            for (int i = 0; i < parts.size(); i++) {
                page.append(parts.get(i));
                if (i < holes.size()) {
                    page.append(values.get(holes.get(i)));
                }
            }
            return page.toString();
        }

        /** How many times the value of this index was cut out. */
        public long count(int value) {
            return holes.stream().filter(h -> h == value).count();
        }
    }

    /**
     * A kept answer: the page cut at its per-request values, value 0 being the script nonce; the headers Faces set
     * (the nonce marked, no cookie) and the content type.
     */
    public record Rendering(Cut page, List<String[]> headers, String contentType) {

        /** The answer of a captured page whose script nonce is {@code nonce}, cut at {@code values} (the nonce first). */
        public static Rendering of(String body, Capture capture, String nonce, List<String> values) {
            return new Rendering(cut(body, values), headersToKeep(capture, nonce), capture.contentType);
        }

        /** Writes the kept answer with this request's values ({@code values.get(0)}: a fresh nonce). */
        public void answer(HttpServletResponse response, List<String> values) throws IOException {
            for (String[] header : headers) {
                response.addHeader(header[0], header[1].replace(NONCE_MARK, values.get(0)));
            }
            response.setContentType(contentType);
            response.getWriter().write(page.fill(values));
        }
    }

    /** {@code body} cut at every occurrence of each of {@code values} (none empty; the earliest, then the longest, first). */
    public static Cut cut(String body, List<String> values) {
        List<String> parts = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            int which = -1;
            for (int v = 0; v < values.size(); v++) {
                int found = body.indexOf(values.get(v), from);
                if (found >= 0 && (at < 0 || found < at
                        || found == at && values.get(v).length() > values.get(which).length())) {
                    at = found;
                    which = v;
                }
            }
            if (at < 0) {
                break;
            }
            parts.add(body.substring(from, at));
            holes.add(which);
            from = at + values.get(which).length();
        }
        parts.add(body.substring(from));
        return new Cut(List.copyOf(parts), List.copyOf(holes));
    }

    /** Where a kept answer's headers held the script nonce. */
    public static final String NONCE_MARK = "\u0000nonce\u0000";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    /** A script nonce of the form PrimeFaces gives its own: Base64 of a random UUID. */
    public static String newNonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The script nonce of a captured answer (from its policy header), or null. */
    public static String scriptNonce(Capture capture) {
        for (String[] header : capture.headers) {
            Matcher m = NONCE.matcher(header[1]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The headers to send again with a kept answer: its nonce marked, no cookie. */
    public static List<String[]> headersToKeep(Capture capture, String nonce) {
        List<String[]> headers = new ArrayList<>();
        for (String[] header : capture.headers) {
            if (!"Set-Cookie".equalsIgnoreCase(header[0])) {
                headers.add(new String[] {header[0], header[1].replace(nonce, NONCE_MARK)});
            }
        }
        return List.copyOf(headers);
    }

    /** Text as Faces writes it in a page: {@link Html#escape}. */
    public static String escaped(String text) {
        return Html.escape(text);
    }

    /** Collects what Faces writes and the headers it sets (passing the headers on to the real answer). */
    public static final class Capture extends HttpServletResponseWrapper {

        public final List<String[]> headers = new ArrayList<>();
        private final StringWriter text = new StringWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;
        private int status = SC_OK;
        private boolean redirected;
        private boolean errorSent;
        public String contentType;

        public Capture(HttpServletResponse response) {
            super(response);
        }

        /** Whether an error or a redirect was already sent on the real answer. */
        public boolean sent() {
            return redirected || errorSent;
        }

        public boolean cacheable() {
            return status == SC_OK && !redirected && bytes.size() == 0;
        }

        public String body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.size() > 0 ? bytes.toString(StandardCharsets.UTF_8) : text.toString();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            super.addHeader(name, value);
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
            super.setContentType(type);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            errorSent = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            errorSent = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            redirected = true;
            super.sendRedirect(location);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(text);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        // written synchronously
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // kept until the filter writes it
        }

        @Override
        public void resetBuffer() {
            text.getBuffer().setLength(0);
            bytes.reset();
        }
    }
}
