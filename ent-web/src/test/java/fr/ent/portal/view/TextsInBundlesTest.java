package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * No text written into a page or a class: what a person reads comes from a bundle, in French and in English.
 * Pages: a text node or a shown attribute (title, alt, placeholder, labels, button values…) with a letter outside an
 * EL expression fails. Java: every message key a class names (bundle look-ups, Faces messages, business refusals and
 * field errors) must exist in both languages of its bundle.
 */
class TextsInBundlesTest {

    static final Path WEBAPP = Path.of("src/main/webapp");
    static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../ent-domain/src/main/java"));

    /** Attributes a person reads or hears, on any element. */
    static final Set<String> SHOWN = Set.of("title", "alt", "placeholder", "label", "itemLabel", "aria-label",
            "header", "footer", "headerText", "footerText", "emptyMessage", "requiredMessage", "validatorMessage",
            "converterMessage", "summary", "caption", "labelTemplate", "noSelectionLabel", "itemDescription");
    /** Elements whose {@code value} is shown as text. */
    static final Set<String> VALUE_SHOWN = Set.of("commandButton", "commandLink", "button", "linkButton", "link",
            "outputText", "outputLabel", "outputFormat", "selectItem");
    static final Set<String> CODE = Set.of("script", "style", "outputScript", "outputStylesheet");
    static final Pattern EXPRESSION = Pattern.compile("[#$]\\{[^}]*}|\\{[a-z]+}");
    static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void pagesHaveNoHardCodedText() throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        List<Path> pages = xhtml();
        assertTrue(pages.size() > 20, "the pages are found: " + pages.size());
        for (Path page : pages) {
            Set<String> texts = new TreeSet<>();
            scan(parse(page).getDocumentElement(), texts);
            if (!texts.isEmpty()) {
                found.put(WEBAPP.relativize(page).toString(), texts);
            }
        }
        assertEquals(Map.of(), found, "text written into pages instead of #{i18n['key']}");
    }

    @Test
    void theScanSeesHardCodedText() throws Exception {
        Set<String> texts = new TreeSet<>();
        scan(parse("""
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                                xmlns:p="primefaces" xmlns:a="jakarta.faces.passthrough">
                    <h1>#{i18n['a.b']} Bonjour</h1>
                    <p>#{i18n['a.b']} · #{x.y} – 2</p>
                    <p:commandButton value="Envoyer"/>
                    <p:inputText a:placeholder="nom@exemple.fr" title="#{i18n['a.c']}"/>
                    <img alt="Logo" src="x.png"/>
                    <input type="submit" value="OK"/>
                    <input type="hidden" name="x" value="abc"/>
                    <script>var text = "not shown";</script>
                </ui:composition>""").getDocumentElement(), texts);
        assertEquals(Set.of("h1: Bonjour", "commandButton@value: Envoyer", "inputText@placeholder: nom@exemple.fr",
                "img@alt: Logo", "input@value: OK"), texts);
    }

    @Test
    void everyKeyNamedInJavaExistsInBothLanguages() throws IOException {
        Properties messages = load("/fr/ent/portal/i18n/messages.properties");
        Properties messagesEn = load("/fr/ent/portal/i18n/messages_en.properties");
        Path domainResources = Path.of("../ent-domain/src/main/resources/fr/ent/portal");
        Properties letters = load(domainResources.resolve("letters/letters.properties"));
        Properties lettersEn = load(domainResources.resolve("letters/letters_en.properties"));
        Properties mails = load(domainResources.resolve("mail/mails.properties"));
        Properties mailsEn = load(domainResources.resolve("mail/mails_en.properties"));
        Set<String> prefixes = new TreeSet<>();
        messages.stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));

        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (Path source : java()) {
            String code = Files.readString(source);
            String where = source.getFileName().toString();
            boolean lettersBundle = source.toString().contains("/letters/control/");
            boolean mailsBundle = source.toString().contains("/mail/control/");
            for (String key : keys(code, LOOKUP)) {
                checked++;
                Properties fr = lettersBundle ? letters : mailsBundle ? mails : messages;
                Properties en = lettersBundle ? lettersEn : mailsBundle ? mailsEn : messagesEn;
                check(where, key, fr, en, missing);
            }
            for (Pattern pattern : List.of(REFUSAL, FIELD_ERROR)) {
                for (String key : keys(code, pattern)) {
                    checked++;
                    check(where, key, messages, messagesEn, missing);
                }
            }
            for (String prefix : keys(code, DYNAMIC)) {
                checked++;
                Properties fr = lettersBundle ? letters : mailsBundle ? mails : messages;
                Properties en = lettersBundle ? lettersEn : mailsBundle ? mailsEn : messagesEn;
                if (fr.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))
                        || en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(where + ": no key starts with " + prefix);
                }
            }
            for (String key : keys(code, CONSTANT)) {
                if (prefixes.contains(key.substring(0, key.indexOf('.') + 1))) {
                    checked++;
                    check(where, key, messages, messagesEn, missing);
                }
            }
        }
        assertTrue(checked > 50, "the scan finds the keys named in Java: " + checked);
        assertEquals(Set.of(), missing, "keys named in Java but missing from a bundle");
    }

    @Test
    void theJavaScanSeesKeys() {
        String code = """
                texts.getString("error.stale_form.title");
                Texts.globalError("a.b.c", x);
                throw new BusinessException("account.disabled", identifier);
                throw new RegistryFileRefused("empty", "admin.import.file.empty");
                errors.add(new FieldError(field, "admin.region.field.too_long", List.of(max)));
                public static final String CHANGED = "admin.region.changed_meanwhile";
                throw new BusinessException("reset.text." + state.name());
                props.put("mail." + protocol + ".host", host);
                settings.get("ent.db.url");
                """;
        assertEquals(Set.of("error.stale_form.title", "a.b.c"), keys(code, LOOKUP));
        assertEquals(Set.of("account.disabled", "admin.import.file.empty"), keys(code, REFUSAL));
        assertEquals(Set.of("admin.region.field.too_long"), keys(code, FIELD_ERROR));
        assertEquals(Set.of("admin.region.changed_meanwhile"), keys(code, CONSTANT));
        assertEquals(Set.of("reset.text."), keys(code, DYNAMIC));
    }

    static final String KEY = "\"([a-z][a-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"";
    static final Pattern LOOKUP = Pattern.compile(
            "\\b(?:getString|text|globalError|globalInfo|apply)\\(\\s*" + KEY);
    static final Pattern REFUSAL = Pattern.compile("(?:Exception|Refused)\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?" + KEY);
    static final Pattern FIELD_ERROR = Pattern.compile("(?:FieldError|fieldError)\\(\\s*[^,()]+,\\s*" + KEY);
    /** A key completed at run time ({@code "reset.text." + state.name()}): its prefix, of two words or more. */
    static final Pattern DYNAMIC = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+\\.)\"\\s*\\+");
    static final Pattern CONSTANT = Pattern.compile("static final String [A-Z_]+\\s*=\\s*" + KEY + "\\s*;");

    static Set<String> keys(String code, Pattern pattern) {
        Set<String> keys = new TreeSet<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static void check(String where, String key, Properties fr, Properties en, Set<String> missing) {
        if (!fr.containsKey(key)) {
            missing.add(where + ": " + key + " (French)");
        }
        if (!en.containsKey(key)) {
            missing.add(where + ": " + key + " (English)");
        }
    }

    private static void scan(Element element, Set<String> found) {
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attr = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean shown = SHOWN.contains(attr) || "value".equals(attr) && (VALUE_SHOWN.contains(name)
                    || "input".equals(name) && Set.of("submit", "button", "reset").contains(element.getAttribute("type")));
            if (shown && literal(attribute.getValue())) {
                found.add(name + "@" + attr + ": " + attribute.getValue().strip());
            }
        }
        if (CODE.contains(name)) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue();
                if (literal(text)) {
                    found.add(name + ": " + EXPRESSION.matcher(text).replaceAll("").strip());
                }
            } else if (child instanceof Element e) {
                scan(e, found);
            }
        }
    }

    private static boolean literal(String text) {
        return LETTER.matcher(EXPRESSION.matcher(text).replaceAll("")).find();
    }

    private static org.w3c.dom.Document parse(Path page) throws Exception {
        return builder().parse(page.toFile());
    }

    private static org.w3c.dom.Document parse(String page) throws Exception {
        return builder().parse(new InputSource(new StringReader(page)));
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        return factory.newDocumentBuilder();
    }

    private static List<Path> xhtml() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
    }

    private static List<Path> java() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TextsInBundlesTest.class.getResourceAsStream(resource)) {
            return load(in);
        }
    }

    private static Properties load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        return properties;
    }
}
