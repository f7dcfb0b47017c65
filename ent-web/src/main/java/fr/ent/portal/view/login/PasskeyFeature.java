package fr.ent.portal.view.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/** Whether passkeys are offered ({@code ent.passkey.enabled}): the sign-in and account pages show them only then. */
@Named("passkeyFeature")
@ApplicationScoped
public class PasskeyFeature {

    @Inject
    Settings settings;

    public boolean isEnabled() {
        return settings.getBoolean(Setting.PASSKEY_ENABLED);
    }
}
