package fr.ent.portal.credential.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Not a common password. The password, lower-cased, is refused when it is in the list, or when its stem is: the
 * password without its trailing non-letters ({@code Marseille13!} → {@code marseille}, {@code Azerty123} →
 * {@code azerty}). The list is {@code credential/common-passwords.txt} (sources and licences in its header).
 * Key {@code password.rule.common}, no parameters. Checked on the server only.
 */
public final class CommonPasswordRule implements PasswordRule {

    public static final String KEY = "password.rule.common";
    public static final String RESOURCE = "credential/common-passwords.txt";

    private final Set<String> common;

    public CommonPasswordRule(Set<String> common) {
        this.common = common;
    }

    /** The rule with the shipped list (read once). */
    public static CommonPasswordRule shipped() {
        return new CommonPasswordRule(Shipped.LIST);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<RuleViolation> check(String password, PersonalData data) {
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceFirst("[^\\p{L}]+$", "");
        return common.contains(lower) || common.contains(stem) ? violation() : Optional.empty();
    }

    /** The entries of a list: one a line, lines starting with {@code #} and blank lines skipped, lower-cased. */
    public static Set<String> read(InputStream in) throws IOException {
        Set<String> entries = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(entries);
    }

    private static final class Shipped {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswordRule.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
