package fr.ent.portal.letters.control;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders activation letters with OpenPDF: one A4 page per account with the establishment, the person, the identifier,
 * the provisional code in a large monospaced font (the code's alphabet has no 0/O nor 1/I/L), the portal address and a
 * QR code to its sign-in page (ZXing), the code's expiry date, the first-connection steps and, for a legal
 * representative, the children's first names. Texts come from {@code fr/ent/portal/letters/letters*.properties}
 * (French, English). Nothing is written anywhere but the returned bytes.
 */
public final class LetterPdf {

    static final String BUNDLE = "fr.ent.portal.letters.letters";
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color ACCENT = new Color(0x1d, 0x4e, 0xd8);
    private static final Color BOX = new Color(0xee, 0xf2, 0xff);

    private final String portalUrl;
    private final ZoneId zone;

    /**
     * @param portalUrl the portal's public address ({@code ent.public.url}), with or without a trailing slash
     * @param zone      the schools' time zone, for the expiry date
     */
    public LetterPdf(String portalUrl, ZoneId zone) {
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl : portalUrl + "/";
        this.zone = zone;
    }

    /** The address printed on the letters and encoded in the QR code: the sign-in page. */
    public String signInUrl() {
        return portalUrl + "login";
    }

    /** The PDF of these letters, one page each, in the language of {@code locale} (French unless English). */
    public byte[] render(List<Letter> letters, Locale locale) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("No letter to render");
        }
        ResourceBundle texts = bundle(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384 * letters.size());
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(texts.getString("title"));
            document.addCreator("ENT");
            document.open();
            Fonts fonts = new Fonts();
            BitMatrix qr = QrCode.of(signInUrl());
            boolean first = true;
            for (Letter letter : letters) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, writer, fonts, qr, texts, locale, letter);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The letters could not be rendered", e);
        }
        return out.toByteArray();
    }

    private void page(Document document, PdfWriter writer, Fonts fonts, BitMatrix qr, ResourceBundle texts,
                      Locale locale, Letter letter) throws DocumentException {
        drawQr(writer.getDirectContent(), qr, document.right() - 120, document.top() - 120, 120);

        document.add(new Paragraph(letter.establishmentName(), fonts.heading));
        Paragraph title = new Paragraph(texts.getString("title"), fonts.title);
        title.setSpacingBefore(6);
        document.add(title);
        Paragraph scan = new Paragraph(texts.getString("qr"), fonts.small);
        scan.setSpacingBefore(2);
        document.add(scan);

        Paragraph hello = new Paragraph(format(texts, "greeting", letter.firstName() + " " + letter.lastName()), fonts.body);
        hello.setSpacingBefore(48);
        document.add(hello);
        document.add(new Paragraph(texts.getString(letter.representative() ? "intro.representative" : "intro.pupil"),
                fonts.body));
        if (letter.representative() && !letter.childrenFirstNames().isEmpty()) {
            Paragraph children = new Paragraph(format(texts, "children", String.join(", ", letter.childrenFirstNames())),
                    fonts.bodyBold);
            children.setSpacingBefore(4);
            document.add(children);
        }

        PdfPTable box = new PdfPTable(new float[] {2, 3});
        box.setWidthPercentage(100);
        box.setSpacingBefore(18);
        box.setSpacingAfter(6);
        row(box, texts.getString("identifier"), letter.identifier(), fonts.label, fonts.value);
        row(box, texts.getString("code"), letter.code(), fonts.label, fonts.code);
        row(box, texts.getString("expires"), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(letter.expiresAt().atZone(zone).toLocalDate()), fonts.label, fonts.value);
        row(box, texts.getString("address"), signInUrl(), fonts.label, fonts.value);
        document.add(box);
        document.add(new Paragraph(texts.getString("code.hint"), fonts.small));

        Paragraph steps = new Paragraph(texts.getString("steps.title"), fonts.bodyBold);
        steps.setSpacingBefore(18);
        document.add(steps);
        for (int i = 1; i <= 4; i++) {
            Paragraph step = new Paragraph(i + ". " + format(texts, "steps." + i, signInUrl()), fonts.body);
            step.setIndentationLeft(12);
            step.setSpacingBefore(4);
            document.add(step);
        }
        Paragraph privacy = new Paragraph(texts.getString("privacy"), fonts.small);
        privacy.setSpacingBefore(24);
        document.add(privacy);
        Paragraph help = new Paragraph(texts.getString("help"), fonts.small);
        help.setSpacingBefore(6);
        document.add(help);
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell name = new PdfPCell(new Phrase(label, labelFont));
        PdfPCell text = new PdfPCell(new Phrase(new Chunk(value, valueFont)));
        for (PdfPCell cell : List.of(name, text)) {
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setBackgroundColor(BOX);
            cell.setPadding(8);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        }
        table.addCell(name);
        table.addCell(text);
    }

    /** Draws the QR code's dark modules as filled squares: sharp at any print size, no image involved. */
    private static void drawQr(PdfContentByte canvas, BitMatrix qr, float x, float y, float size) {
        float module = size / Math.max(qr.getWidth(), qr.getHeight());
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < qr.getHeight(); row++) {
            for (int column = 0; column < qr.getWidth(); column++) {
                if (qr.get(column, row)) {
                    canvas.rectangle(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    private static String format(ResourceBundle texts, String key, Object... params) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(params);
    }

    static ResourceBundle bundle(Locale locale) {
        Locale language = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The standard PDF fonts (nothing to embed), in Windows-1252 for French accents and the ’ apostrophe. */
    private static final class Fonts {
        final Font heading;
        final Font title;
        final Font body;
        final Font bodyBold;
        final Font small;
        final Font label;
        final Font value;
        final Font code;

        Fonts() {
            try {
                BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
                BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
                BaseFont mono = BaseFont.createFont(BaseFont.COURIER_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
                heading = new Font(bold, 15, Font.NORMAL, INK);
                title = new Font(bold, 20, Font.NORMAL, ACCENT);
                body = new Font(regular, 11, Font.NORMAL, INK);
                bodyBold = new Font(bold, 11, Font.NORMAL, INK);
                small = new Font(regular, 9, Font.NORMAL, INK);
                label = new Font(regular, 11, Font.NORMAL, INK);
                value = new Font(bold, 12, Font.NORMAL, INK);
                code = new Font(mono, 20, Font.NORMAL, Color.BLACK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
