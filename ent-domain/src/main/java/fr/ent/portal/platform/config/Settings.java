package fr.ent.portal.platform.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the {@link Setting} catalogue through MicroProfile Config, falling back on each key's default.
 */
@ApplicationScoped
public class Settings {

    private final Config config;

    public Settings() {
        this(ConfigProvider.getConfig());
    }

    Settings(Config config) {
        this.config = config;
    }

    /** Settings read outside CDI (data source, start-up code), with the caller's class loader. */
    public static Settings current() {
        return new Settings(ConfigProvider.getConfig(Settings.class.getClassLoader()));
    }

    /**
     * The schools' time zone ({@code ent.time-zone}): the one place that reads it, for the clock, letters, mails,
     * the waiting room's windows and the pages that show a time.
     */
    public ZoneId timeZone() {
        return ZoneId.of(get(Setting.TIME_ZONE));
    }

    /**
     * The portal's public address ({@code ent.public.url}) without a trailing slash: the one place that trims it, for
     * the links of mails and letters and the federation's identifiers, which append a path to it.
     */
    public String publicUrl() {
        String url = get(Setting.PUBLIC_URL).strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String get(Setting setting) {
        String value = config.getOptionalValue(setting.key(), String.class).orElse(setting.defaultValue());
        return expand(value);
    }

    public int getInt(Setting setting) {
        return Integer.parseInt(get(setting).trim());
    }

    public boolean getBoolean(Setting setting) {
        return Boolean.parseBoolean(get(setting).trim());
    }

    /** A duration written as ISO-8601 ({@code PT30M}) or as a number of seconds. */
    public Duration getDuration(Setting setting) {
        String value = get(setting).trim();
        return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    }

    /** True when the configured database is the embedded H2 file (the quick-start default). */
    public boolean embeddedDatabase() {
        return get(Setting.DB_URL).startsWith("jdbc:h2:");
    }

    /** Expands {@code ${other.key}} references in a default value (explicit values are expanded by MicroProfile Config itself). */
    private String expand(String value) {
        int start = value.indexOf("${");
        while (start >= 0) {
            int end = value.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String key = value.substring(start + 2, end);
            String replacement = config.getOptionalValue(key, String.class).orElseGet(() -> defaultOf(key));
            value = value.substring(0, start) + replacement + value.substring(end + 1);
            start = value.indexOf("${", start + replacement.length());
        }
        return value;
    }

    private static String defaultOf(String key) {
        for (Setting s : Setting.values()) {
            if (s.key().equals(key)) {
                return s.defaultValue();
            }
        }
        return "";
    }
}
