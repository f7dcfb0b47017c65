package fr.ent.portal.letters.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Test;

import fr.ent.portal.credential.control.ProvisionalCodes;

/** The letters PDF read back with OpenPDF's text extractor: one page per account, each with its identifier and code. */
class LetterPdfTest {

    private static final Instant EXPIRES = Instant.parse("2027-02-08T09:00:00Z");
    private final LetterPdf pdf = new LetterPdf("https://ent.example.fr", ZoneId.of("Europe/Paris"));

    @Test
    void nAccountsMakeNPagesEachWithItsIdentifierAndCode() throws Exception {
        List<Letter> letters = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            letters.add(new Letter("Lycée Camille Claudel", "Zoé", "Lefèvre", "z.lefevre" + i, ProvisionalCodes.newCode(),
                    EXPIRES, false, List.of()));
        }
        PdfReader reader = new PdfReader(pdf.render(letters, Locale.FRENCH));
        assertEquals(7, reader.getNumberOfPages());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= 7; page++) {
            String text = extractor.getTextFromPage(page);
            Letter letter = letters.get(page - 1);
            assertTrue(text.contains(letter.identifier()), text);
            assertTrue(text.contains(letter.code()), text);
            assertTrue(text.contains("Lycée Camille Claudel"), text);
            assertTrue(text.contains("https://ent.example.fr/login"), text);
            assertTrue(text.contains("8 février 2027"), text);
            assertTrue(text.contains("Première connexion"), text);
            for (Letter other : letters) {
                if (other != letter) {
                    assertFalse(text.contains(other.code()), "one code per page");
                }
            }
        }
        reader.close();
    }

    @Test
    void aRepresentativesLetterNamesTheChildrenAndEnglishIsEnglish() throws Exception {
        Letter letter = new Letter("Collège Jules Ferry", "Claire", "Durand", "c.durand1", "K7PM-W2QX-9HTC", EXPIRES,
                true, List.of("Manon", "Émile"));
        PdfReader reader = new PdfReader(pdf.render(List.of(letter), Locale.ENGLISH));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertEquals(1, reader.getNumberOfPages());
        assertTrue(text.contains("Children: Manon, Émile"), text);
        assertTrue(text.contains("Provisional code"), text);
        assertTrue(text.contains("February 8, 2027"), text);
        assertTrue(text.contains("K7PM-W2QX-9HTC"), text);
        reader.close();
    }

    @Test
    void theQrCodeEncodesTheSignInPage() {
        assertEquals("https://ent.example.fr/login", pdf.signInUrl());
        assertEquals("https://ent.example.fr/login", new LetterPdf("https://ent.example.fr/", ZoneId.of("UTC")).signInUrl());
        assertTrue(QrCode.of(pdf.signInUrl()).getWidth() >= 21);
    }

    @Test
    void noLetterNoPdfAndTheCodeNeverInToString() {
        assertThrows(IllegalArgumentException.class, () -> pdf.render(List.of(), Locale.FRENCH));
        Letter letter = new Letter("", "A", "B", "a.b1", "SECRET-CODE", EXPIRES, false, List.of());
        assertFalse(letter.toString().contains("SECRET"));
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Properties fr = new Properties();
        Properties en = new Properties();
        try (InputStream a = getClass().getResourceAsStream("/fr/ent/portal/letters/letters.properties");
             InputStream b = getClass().getResourceAsStream("/fr/ent/portal/letters/letters_en.properties")) {
            fr.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(fr.keySet(), en.keySet());
    }
}
