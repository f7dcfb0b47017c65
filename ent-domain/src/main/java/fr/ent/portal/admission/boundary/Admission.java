package fr.ent.portal.admission.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.LocalWaitingLine;
import fr.ent.portal.admission.control.Priority;
import fr.ent.portal.admission.control.PriorityWindows;
import fr.ent.portal.admission.control.SharedWaitingLine;
import fr.ent.portal.admission.control.WaitingLine;
import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Admission control of sign-ins, built once from the settings: the {@link AdmissionGate} in front of the password
 * hash, the waiting room's {@link WaitingLine} and {@link WaitingTicket}s, and the {@link PriorityWindows}.
 * A wrong setting stops the deployment with a message naming it.
 */
@ApplicationScoped
public class Admission {

    /** Purpose of the waiting ticket's signing key. */
    public static final String TICKET_KEY = WaitingTicket.PURPOSE;

    @Inject
    Settings settings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    @Inject
    fr.ent.portal.platform.cluster.SharedState shared;

    private AdmissionGate gate;
    private WaitingLine line;
    private PriorityWindows windows;
    private ZoneId zone;
    private Duration admittedValidity;
    private Duration absentAfter;
    private int configuredSlots;
    private Duration configuredMaxWait;
    private volatile WaitingTicket tickets;

    @PostConstruct
    void build() {
        configuredSlots = slots(settings.get(Setting.ADMISSION_SLOTS));
        configuredMaxWait = settings.getDuration(Setting.ADMISSION_MAX_WAIT);
        gate = new AdmissionGate(configuredSlots, configuredMaxWait);
        admittedValidity = settings.getDuration(Setting.ADMISSION_ADMITTED_VALIDITY);
        absentAfter = settings.getDuration(Setting.ADMISSION_ABSENT_AFTER);
        // one line for the whole cluster when the state is shared, else this node's own
        line = shared.clustered()
                ? new SharedWaitingLine(shared.map("waiting-line", SharedWaitingLine.codec(), null),
                        shared.map("waiting-expected", SharedWaitingLine.expectedCodec(), Duration.ofHours(2)),
                        admittedValidity)
                : new LocalWaitingLine(admittedValidity);
        try {
            windows = PriorityWindows.parse(settings.get(Setting.ADMISSION_PRIORITY_WINDOWS));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Setting " + Setting.ADMISSION_PRIORITY_WINDOWS.key() + " ("
                    + Setting.ADMISSION_PRIORITY_WINDOWS.environmentVariable() + "): " + e.getMessage(), e);
        }
        zone = settings.timeZone();
    }

    /** {@code auto} (or a value below 1) means one slot per processor. */
    public static int slots(String value) {
        String v = value == null ? "" : value.trim();
        int n = v.isEmpty() || "auto".equalsIgnoreCase(v) ? 0 : Integer.parseInt(v);
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** The gate in front of the password hash, for {@code PasswordHashing} (a control class that needs no boundary). */
    @jakarta.enterprise.inject.Produces
    AdmissionGate hashGate() {
        return gate;
    }

    public AdmissionGate gate() {
        return gate;
    }

    public WaitingLine line() {
        return line;
    }

    /** The queue priority of a sign-in: admitted ticket first, then the priority windows. */
    public Priority priorityOf(boolean admittedTicket, Profile profile) {
        return admittedTicket ? Priority.ADMITTED : windows.priorityOf(profile, LocalTime.now(clock.withZone(zone)));
    }

    /** The signed tickets of the waiting room (the key is fetched on first use: it may need the database). */
    public WaitingTicket tickets() {
        WaitingTicket t = tickets;
        if (t == null) {
            synchronized (this) {
                if (tickets == null) {
                    tickets = WaitingTicket.sealedBy(signingKeys.sealer(TICKET_KEY), admittedValidity);
                }
                t = tickets;
            }
        }
        return t;
    }

    public Duration admittedValidity() {
        return admittedValidity;
    }

    /** A waiting-room visitor not seen for this long has left (at least; see {@link WaitingLine}). */
    public Duration absentAfter() {
        return absentAfter;
    }

    public boolean devControls() {
        return settings.getBoolean(Setting.ADMISSION_DEV_CONTROLS);
    }

    /** Dev controls: the configured slots, maximum wait and Little's law again, nothing held, an empty line. */
    public void restoreConfiguration() {
        gate.configure(configuredSlots, configuredMaxWait, null);
        gate.release();
        line.reset();
    }
}
