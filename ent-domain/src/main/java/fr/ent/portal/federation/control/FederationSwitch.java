package fr.ent.portal.federation.control;

import java.util.Base64;
import java.util.Locale;

import fr.ent.portal.demo.control.DemoMode;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Whether the federation endpoints answer on this start, and with which key-encryption key. {@code auto} (the default)
 * is on in demo mode only; on outside demo mode needs {@code ent.federation.key-encryption-key}, else the start is
 * refused ({@link #check}).
 */
public final class FederationSwitch {

    private final boolean enabled;
    private final boolean demo;
    private final String configuredKey;

    public FederationSwitch(boolean enabled, boolean demo, String configuredKey) {
        this.enabled = enabled;
        this.demo = demo;
        this.configuredKey = configuredKey == null ? "" : configuredKey.strip();
    }

    public static FederationSwitch of(Settings settings) {
        boolean demo;
        try {
            demo = DemoMode.of(settings).enabled();
        } catch (DemoMode.Refused refused) {
            demo = false; // DemoData refuses the start with its own message
        }
        String asked = settings.get(Setting.FEDERATION_ENABLED).strip().toLowerCase(Locale.ROOT);
        boolean enabled = "true".equals(asked) || "auto".equals(asked) && demo;
        return new FederationSwitch(enabled, demo, settings.get(Setting.FEDERATION_KEY_ENCRYPTION_KEY));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Demo mode: without a configured key, the key-encryption key is derived from the master signing key. */
    public boolean keyDerived() {
        return configuredKey.isEmpty();
    }

    /**
     * Refuses the start, with a message naming the setting, when the federation is on outside demo mode without a
     * usable key-encryption key (or when a configured one is not 32 bytes of Base64).
     */
    public void check() {
        if (!enabled) {
            return;
        }
        if (configuredKey.isEmpty()) {
            if (!demo) {
                throw new IllegalStateException(Setting.FEDERATION_ENABLED.key() + " is on but "
                        + Setting.FEDERATION_KEY_ENCRYPTION_KEY.key() + " ("
                        + Setting.FEDERATION_KEY_ENCRYPTION_KEY.environmentVariable() + ") is empty: the federation's "
                        + "private signing keys would be stored unencrypted. Set it to Base64 of 32 random bytes "
                        + "(openssl rand -base64 32), or set " + Setting.FEDERATION_ENABLED.key()
                        + "=false; the portal does not start.");
            }
            return;
        }
        configuredKey();
    }

    /** The configured key's 32 bytes. */
    public byte[] configuredKey() {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configuredKey);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(Setting.FEDERATION_KEY_ENCRYPTION_KEY.key() + " is not Base64", notBase64);
        }
        if (key.length != KeySealing.KEY_BYTES) {
            throw new IllegalStateException(Setting.FEDERATION_KEY_ENCRYPTION_KEY.key() + " has " + key.length
                    + " bytes; it needs exactly 32 (openssl rand -base64 32)");
        }
        return key;
    }
}
