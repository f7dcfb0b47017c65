package fr.ent.portal.platform.config;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/** {@link Settings} over a map of values (unit tests of rules that read the catalogue); the catalogue's defaults otherwise. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings of(Map<String, String> values) {
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue") && args.length == 2 && args[1] == String.class) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Settings(config);
    }
}
