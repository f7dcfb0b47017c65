package fr.ent.portal.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.federation.control.FederationSwitch;
import fr.ent.portal.platform.config.Settings;

/** Whether the federation's endpoints (OpenID Connect, SAML) answer on this start ({@code ent.federation.enabled}); off: 404. */
@ApplicationScoped
public class FederationOn {

    @Inject
    Settings settings;

    private volatile Boolean enabled;

    public boolean get() {
        Boolean on = enabled;
        if (on == null) {
            on = FederationSwitch.of(settings).enabled();
            enabled = on;
        }
        return on;
    }

    /** True when the endpoints answer; false after answering 404 (the caller stops there). */
    public boolean answers(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        if (get()) {
            return true;
        }
        OidcEndpoint.notFound(response);
        return false;
    }
}
