package fr.ent.portal.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The hostile corpus of issue 10 ({@code hostile/corpus.properties}, shared with ent-web's black-box test) as Java
 * strings, and jqwik arbitraries built on it: the corpus itself, any Unicode text (lone surrogates, controls and
 * non-characters included), and the two mixed (a corpus value inside random text).
 */
public final class HostileCorpus {

    /** One value: its key (category first) and its text; {@code .bytes} values are read as ISO-8859-1 text here. */
    public record Entry(String key, String value) {
        public String category() {
            return key.substring(0, key.indexOf('.'));
        }
    }

    private static final List<Entry> ENTRIES = load();

    private HostileCorpus() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<String> values() {
        return ENTRIES.stream().map(Entry::value).toList();
    }

    /** The corpus, any text up to 300 characters, or a corpus value wrapped in random text. */
    public static Arbitrary<String> strings() {
        Arbitrary<String> corpus = Arbitraries.of(values());
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> short20 = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> mixed = net.jqwik.api.Combinators.combine(short20, corpus, short20)
                .as((before, value, after) -> before + value + after);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, corpus), net.jqwik.api.Tuple.of(4, any),
                net.jqwik.api.Tuple.of(3, mixed));
    }

    private static List<Entry> load() {
        Properties properties = new Properties();
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/corpus.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames()).stream()
                .map(key -> new Entry(key, expand(key, properties.getProperty(key)))).toList();
    }

    /** Applies the {@code .x<N>} suffix of a key (the value repeated N times). */
    public static String expand(String key, String value) {
        int times = key.lastIndexOf(".x");
        return times > 0 && key.substring(times + 2).chars().allMatch(Character::isDigit)
                ? value.repeat(Integer.parseInt(key.substring(times + 2))) : value;
    }
}
