package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser checklist (ent-web/…/password-checklist.js) under node on the same inputs as the Java policy and
 * compares the verdicts. Skipped only when node is not installed.
 */
class PasswordChecklistJsTest {

    private static final Path SCRIPT = Path.of("..", "ent-web", "src", "main", "webapp", "resources", "js",
            "password-checklist.js");
    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final List<PersonalData> PEOPLE = List.of(PersonalData.none(),
            new PersonalData("zoe.lefevre", "Zoé", "Lefèvre"),
            new PersonalData("jp.le-goff", "Jean-Pierre", "Le Goff"),
            new PersonalData("lé123", "Lé", "Wu"),
            new PersonalData("eloise.nunez", "Éloïse", "Núñez"),
            new PersonalData("o.brien", "Seán", "O'Brien"),
            new PersonalData("ilker", "İlker", "Straße"));
    private static final List<String> CURATED = List.of("", "Ab1-xyz", "Ab1-xyzw", "Ab1-xy😀", "Ab1-xyz😀",
            "Aa1-".repeat(32), "Aa1-".repeat(32) + "x", "Aa😀".repeat(42) + "Bb", "Aa😀".repeat(43),
            "qkvzrtwP", "qkvzrt42", "QKVZRT!!", "qkvzrT42", "qkvzrt4!", "QKVZRT4 ", "éééµµµàç", "ÉÉÉÀÀÀ€€", "ÉÉÉàààµ€",
            "ªºªºªº12", "ǅǅǅǅaaa1", "中文密码abc1", "٣٤٥٦abcD", "Crème brûlée 4ever", "Prix: 12€ µg",
            "«Guillemets» 'simples' \"doubles\"", "<script>alert(1)</script>", "Tab\tet espace 9",
            "ZOE-2024-xyz!", "mon-LEFEVRE-9", "Lefèvre#2024", "x!Zoe.Lefevre9", "Pierre!2024x", "9JeanPierre!",
            "G-O-F-F-1234a", "Le-Jp-Rocher-42", "Lé-Wu-Forêt-42", "xLE123-Forêt", "ELOISE-nunez1", "Nunez!!aa1",
            "Sean-OBrien-1", "ILKER-2024a", "strasse-1A", "STRASSE-1a", "Straße-1A", "Éloïse", "ÉLOÏSE-1a",
            "E\u0301loi\u0308se-1a");

    /**
     * Code points whose general category changed between Java 17's Unicode 13 and node's newer Unicode: U+0295 ʕ
     * went from Ll to Lo in Unicode 14 (lower-case for the server, special for the browser until Java catches up).
     */
    private static final Set<Integer> CHANGED_SINCE_UNICODE_13 = Set.of(0x0295);

    private static String node;

    @BeforeAll
    static void findNode() {
        node = findOnPath("node");
        assumeTrue(node != null, "node is not installed: the JavaScript checklist is not compared");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath().toString());
    }

    @Test
    void theBrowserChecklistGivesTheSameVerdictsAsThePolicy() throws Exception {
        List<String> passwords = new ArrayList<>(CURATED);
        passwords.addAll(randomPasswords(1500));
        List<PersonalData> people = new ArrayList<>();
        StringBuilder cases = new StringBuilder("[");
        for (int i = 0; i < passwords.size(); i++) {
            PersonalData person = PEOPLE.get(i % PEOPLE.size());
            people.add(person);
            cases.append(i == 0 ? "" : ",").append("{\"password\":").append(json(passwords.get(i)))
                    .append(",\"identifier\":").append(json(person.identifier()))
                    .append(",\"firstName\":").append(json(person.firstName()))
                    .append(",\"lastName\":").append(json(person.lastName())).append('}');
        }
        String output = runNode("{\"cases\":" + cases.append(']') + "}");
        Matcher verdict = Pattern.compile("\\{\"length\":(\\w+),\"classes\":(\\w+),\"max\":(\\w+),\"personal\":(\\w+)\\}")
                .matcher(output);
        for (int i = 0; i < passwords.size(); i++) {
            assertTrue(verdict.find(), "missing verdict " + i);
            String expected = javaVerdict(passwords.get(i), people.get(i));
            String actual = verdict.group(1) + verdict.group(2) + verdict.group(3) + verdict.group(4);
            assertEquals(expected, actual, "length/classes/max/personal of " + json(passwords.get(i)) + " for " + people.get(i));
        }
    }

    @Test
    void theBrowserClassifiesEveryAssignedCodePointAsTheServer() throws Exception {
        List<Integer> codePoints = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int type = Character.getType(cp);
            // Java 17 knows Unicode 13, node a newer Unicode: compare the code points both have assigned.
            if (type != Character.UNASSIGNED && type != Character.SURROGATE && type != Character.PRIVATE_USE
                    && !CHANGED_SINCE_UNICODE_13.contains(cp)) {
                codePoints.add(cp);
            }
        }
        StringBuilder request = new StringBuilder("{\"codePoints\":[");
        for (int i = 0; i < codePoints.size(); i++) {
            request.append(i == 0 ? "" : ",").append(codePoints.get(i));
        }
        String output = runNode(request.append("]}").toString());
        Matcher m = Pattern.compile("\"classes\":\"([LUDS]*)\"").matcher(output);
        assertTrue(m.find(), output.length() > 200 ? output.substring(0, 200) : output);
        String classes = m.group(1);
        assertEquals(codePoints.size(), classes.length());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < codePoints.size(); i++) {
            char expected = CharacterClass.of(codePoints.get(i)).name().charAt(0);
            if (classes.charAt(i) != expected) {
                differences.add(Integer.toHexString(codePoints.get(i)) + " java " + expected + " js " + classes.charAt(i));
            }
        }
        assertEquals(List.of(), differences);
    }

    private static String javaVerdict(String password, PersonalData person) {
        List<String> broken = POLICY.check(password, person).stream().map(RuleViolation::key).toList();
        StringBuilder verdict = new StringBuilder();
        for (String key : List.of(MinimumLengthRule.KEY, CharacterClassesRule.KEY, MaximumLengthRule.KEY, PersonalDataRule.KEY)) {
            verdict.append(!broken.contains(key));
        }
        return verdict.toString();
    }

    /** Random passwords over French letters, symbols, emoji and pieces of the names above. */
    private static List<String> randomPasswords(int count) {
        String[] pieces = {"a", "z", "é", "è", "à", "ç", "œ", "µ", "ß", "A", "Z", "É", "À", "Ç", "Œ", "0", "7", "٣", " ",
            "€", "'", "\"", "<", ">", "-", ".", "!", "😀", "ª", "中", "\t", "e\u0301", "zoé", "ZOE", "lefevre", "Pierre",
            "goff", "le", "wu", "123", "eloise", "Núñez", "sean", "obrien", "İ", "ilker", "straße", "SS"};
        Random random = new Random(20261123L);
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(i % 10 == 0 ? 140 : 16);
            StringBuilder password = new StringBuilder();
            for (int j = 0; j < n; j++) {
                password.append(pieces[random.nextInt(pieces.length)]);
            }
            passwords.add(password.toString());
        }
        return passwords;
    }

    private static String runNode(String input) throws IOException, InterruptedException, URISyntaxException {
        Path harness = Path.of(PasswordChecklistJsTest.class.getResource("/credential/checklist-harness.js").toURI());
        Process process = new ProcessBuilder(node, harness.toString(), SCRIPT.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = process.getInputStream()) {
            stdout.transferTo(out);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, process.exitValue(), "node exit code");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
