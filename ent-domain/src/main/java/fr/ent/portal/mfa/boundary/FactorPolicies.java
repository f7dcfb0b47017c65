package fr.ent.portal.mfa.boundary;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.mfa.control.FactorPolicy;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The second-factor policy of this node, from the settings ({@code ent.mfa.*}). The black-box suite shares one portal
 * between all its tests: with {@code ent.admission.dev-controls=true} (tests only) the list of profiles that must
 * have a factor can be replaced for a while ({@code /dev/mfa-policy}), so that one test makes a school admin enrol
 * while the others sign her in with her password alone.
 */
@ApplicationScoped
public class FactorPolicies {

    @Inject
    Settings settings;

    private volatile Set<Profile> override;

    public FactorPolicy current() {
        Set<Profile> required = override;
        return new FactorPolicy(required != null ? required : FactorPolicy.profiles(settings.get(Setting.MFA_REQUIRED_PROFILES)),
                settings.getDuration(Setting.MFA_GRACE), settings.getDuration(Setting.MFA_REMEMBERED_MAX));
    }

    /** Whether the test-only override may be used. */
    public boolean devControls() {
        return settings.getBoolean(Setting.ADMISSION_DEV_CONTROLS);
    }

    /**
     * Tests only: these profiles must have a factor until {@link #restore}.
     *
     * @throws IllegalStateException without {@code ent.admission.dev-controls=true}
     */
    public void override(String profiles) {
        if (!devControls()) {
            throw new IllegalStateException("Dev controls are off");
        }
        override = FactorPolicy.profiles(profiles);
    }

    public void restore() {
        override = null;
    }
}
