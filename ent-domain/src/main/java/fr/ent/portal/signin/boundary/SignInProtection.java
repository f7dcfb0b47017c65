package fr.ent.portal.signin.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.keys.control.MasterKey;
import fr.ent.portal.platform.cluster.SharedState;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.control.Cidr;
import fr.ent.portal.signin.control.ClientAddress;
import fr.ent.portal.signin.control.DeviceCookie;
import fr.ent.portal.signin.control.FailureRecord;
import fr.ent.portal.signin.control.IpRateLimiter;
import fr.ent.portal.signin.control.SignInThrottle;

/**
 * Builds the sign-in protections once from the settings, and hands them out: inject {@link SignInThrottle},
 * {@link IpRateLimiter} or {@link DeviceCookie}, or this class for the client address behind the trusted proxies.
 * <p>
 * The settings are read at start-up, so that a wrong value (an invalid CIDR block, a hold that is not a duration)
 * stops the deployment with a message naming it. The device cookie's key is fetched on first use only (it may need the
 * database).
 */
@ApplicationScoped
public class SignInProtection {

    @Inject
    Settings settings;

    @Inject
    SigningKeys signingKeys;

    private SignInThrottle throttle;
    private IpRateLimiter ipRateLimiter;
    private IpRateLimiter recoveryRateLimiter;
    private List<Cidr> trustedProxies;
    private Duration deviceCookieMaxAge;
    private volatile DeviceCookie deviceCookie;

    @Inject
    SharedState shared;

    @PostConstruct
    void build() {
        int maxKeys = settings.getInt(Setting.SIGNIN_LOCK_MAX_KEYS);
        List<Duration> holds = durations(Setting.SIGNIN_LOCK_HOLDS, settings.get(Setting.SIGNIN_LOCK_HOLDS));
        // in the grid, a record outlives its longest hold and the forgetting delay; a bucket, its refill time
        Duration longestHold = holds.stream().max(Duration::compareTo).orElseThrow();
        throttle = new SignInThrottle(shared.map("signin-failures", FailureRecord.CODEC,
                SignInThrottle.FORGET_AFTER.plus(longestHold).plusMinutes(1)),
                settings.getInt(Setting.SIGNIN_LOCK_THRESHOLD), holds, maxKeys);
        int burst = settings.getInt(Setting.SIGNIN_IP_BURST);
        int perMinute = settings.getInt(Setting.SIGNIN_IP_PER_MINUTE);
        Duration refill = Duration.ofSeconds((long) Math.ceil(60.0 * burst / Math.max(1, perMinute))).plusMinutes(1);
        List<Cidr> allowlist = cidrs(Setting.SIGNIN_IP_ALLOWLIST, settings.get(Setting.SIGNIN_IP_ALLOWLIST));
        ipRateLimiter = new IpRateLimiter(shared.map("signin-addresses", IpRateLimiter.Bucket.CODEC, refill),
                burst, perMinute, allowlist, maxKeys);
        recoveryRateLimiter = new IpRateLimiter(shared.map("recovery-addresses", IpRateLimiter.Bucket.CODEC, refill),
                burst, perMinute, allowlist, maxKeys);
        trustedProxies = cidrs(Setting.HTTP_TRUSTED_PROXIES, settings.get(Setting.HTTP_TRUSTED_PROXIES));
        deviceCookieMaxAge = settings.getDuration(Setting.SIGNIN_DEVICE_COOKIE_MAX_AGE);
        String signingKey = settings.get(Setting.SECURITY_SIGNING_KEY);
        if (!signingKey.isBlank()) {
            MasterKey.fromSetting(signingKey);
        }
    }

    /** Reads the settings at deployment (a wrong one fails it) rather than at the first sign-in. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        throttle.trackedKeys();
    }

    @Produces
    public SignInThrottle throttle() {
        return throttle;
    }

    @Produces
    public IpRateLimiter ipRateLimiter() {
        return ipRateLimiter;
    }

    /** The per-address limit of the help forms (forgotten password, forgotten identifier): same settings, own buckets. */
    public IpRateLimiter recoveryRateLimiter() {
        return recoveryRateLimiter;
    }

    @Produces
    public DeviceCookie deviceCookie() {
        DeviceCookie cookie = deviceCookie;
        if (cookie == null) {
            synchronized (this) {
                if (deviceCookie == null) {
                    deviceCookie = DeviceCookie.sealedBy(signingKeys.sealer(DeviceCookie.PURPOSE), deviceCookieMaxAge);
                }
                cookie = deviceCookie;
            }
        }
        return cookie;
    }

    /** The reverse proxies whose {@code X-Forwarded-For} is believed. */
    public List<Cidr> trustedProxies() {
        return trustedProxies;
    }

    /** The address of the person behind a request; see {@link ClientAddress#resolve}. */
    public String clientAddress(String remoteAddr, String xForwardedFor) {
        return ClientAddress.resolve(remoteAddr, xForwardedFor, trustedProxies);
    }

    /** A comma-separated list of ISO-8601 durations (or seconds). */
    static List<Duration> durations(Setting setting, String text) {
        List<Duration> durations = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String value = part.strip();
            try {
                Duration duration = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                        ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("not positive");
                }
                durations.add(duration);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Setting " + setting.key() + " (" + setting.environmentVariable()
                        + "): '" + value + "' is not a positive duration such as PT5M", e);
            }
        }
        return List.copyOf(durations);
    }

    static List<Cidr> cidrs(Setting setting, String text) {
        try {
            return Cidr.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Setting " + setting.key() + " (" + setting.environmentVariable() + "): "
                    + e.getMessage(), e);
        }
    }
}
