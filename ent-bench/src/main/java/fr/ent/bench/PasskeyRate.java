package fr.ent.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

/**
 * The passkey phase (issue 24; {@code -Dbench.phases=passkey}, also in the default run): passkey sign-ins per second
 * beside password sign-ins per second, on one portal, with the same clients. Each of {@code bench.passkey.devices}
 * bench accounts signs in with its password once and registers a passkey through the portal's own
 * {@code /passkey/register-options} and {@code /passkey/register}, made by a software authenticator here (a P-256 key,
 * attestation "none"; the portal verifies with webauthn4j). Then, {@code bench.passkey.clients} clients in a closed
 * loop for {@code bench.passkey.seconds}: as a new browser each time, {@code /passkey/options}, the signed assertion to
 * {@code /passkey/sign-in}, then the landing page; and the same clients as new browsers signing in with the password
 * (GET /login, POST, /home). A passkey sign-in takes no hash slot, so the ratio is what passkeys save at 8 a.m.
 */
final class PasskeyRate {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODE = Base64.getUrlDecoder();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RP_ID = Pattern.compile("\"rp\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REDIRECT = Pattern.compile("\"redirect\"\\s*:\\s*\"([^\"]+)\"");

    /** The figures of one loop: completed sign-ins, failures, seconds, latencies in ms. */
    record Loop(long ok, long failed, int seconds, List<Double> millis) {
        double perSecond() {
            return ok / (double) seconds;
        }

        double p(double quantile) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    private final Config config;

    PasskeyRate(Config config) {
        this.config = config;
    }

    /** Registers the passkeys, then measures both loops; {passkey, password}. */
    Loop[] measure(Portal portal) throws Exception {
        String origin = portal.base.toString().replaceAll("/$", "");
        ConcurrentLinkedQueue<Authenticator> devices = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong refused = new AtomicLong();
        Profile.inParallel(4, () -> {
            int n;
            while ((n = next.incrementAndGet()) <= config.passkeyDevices) {
                Authenticator device = register(portal, origin, "u.bench" + n);
                if (device == null) {
                    refused.incrementAndGet();
                } else {
                    devices.add(device);
                }
            }
            return null;
        });
        if (devices.isEmpty()) {
            throw new IllegalStateException("no passkey could be registered (" + refused.get() + " refused); see " + portal.log);
        }
        loop(config.passkeyClients, 10, () -> passkeySignIn(portal, origin, devices)); // warm-up: JIT, caches
        Loop passkeys = loop(config.passkeyClients, config.passkeySeconds, () -> passkeySignIn(portal, origin, devices));
        AtomicInteger account = new AtomicInteger(config.passkeyDevices);
        Loop passwords = loop(config.passkeyClients, config.passkeySeconds, () -> new Browser(portal.base)
                .signIn("u.bench" + (1 + account.incrementAndGet() % config.accounts), config.password, false).home());
        return new Loop[] {passkeys, passwords};
    }

    /** One account signs in with its password and registers a passkey; the authenticator holding it, or null. */
    private Authenticator register(Portal portal, String origin, String identifier) throws Exception {
        Browser browser = new Browser(portal.base);
        if (!browser.signIn(identifier, config.password, false).home()) {
            return null;
        }
        String options = browser.postJson("/passkey/register-options", "{}").body();
        Matcher challenge = CHALLENGE.matcher(options);
        Matcher user = USER_ID.matcher(options);
        Matcher rp = RP_ID.matcher(options);
        if (!challenge.find() || !user.find() || !rp.find()) {
            return null;
        }
        Authenticator device = new Authenticator(rp.group(1), B64URL_DECODE.decode(user.group(1)));
        HttpResponse<String> answer = browser.postJson("/passkey/register?name=bench",
                device.registration(B64URL_DECODE.decode(challenge.group(1)), origin));
        return answer.statusCode() == 200 ? device : null;
    }

    /** A new browser signs in with one of the passkeys (taken from the queue, put back after). */
    private static boolean passkeySignIn(Portal portal, String origin, ConcurrentLinkedQueue<Authenticator> devices)
            throws Exception {
        Authenticator device = devices.poll();
        if (device == null) {
            Thread.sleep(1);
            return false;
        }
        try {
            Browser browser = new Browser(portal.base);
            Matcher challenge = CHALLENGE.matcher(browser.postJson("/passkey/options", "{}").body());
            if (!challenge.find()) {
                return false;
            }
            HttpResponse<String> answer = browser.postJson("/passkey/sign-in",
                    device.assertion(B64URL_DECODE.decode(challenge.group(1)), origin));
            Matcher redirect = REDIRECT.matcher(answer.body());
            if (answer.statusCode() != 200 || !redirect.find()) {
                return false;
            }
            HttpResponse<String> landing = browser.get(redirect.group(1));
            return landing.statusCode() == 200 && landing.body().contains("id=\"home-heading\"");
        } finally {
            devices.add(device);
        }
    }

    private interface Attempt {
        boolean run() throws Exception;
    }

    private static Loop loop(int clients, int seconds, Attempt attempt) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Profile.inParallel(clients, () -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                boolean done;
                try {
                    done = attempt.run();
                } catch (java.io.IOException e) {
                    done = false;
                }
                if (done) {
                    ok.incrementAndGet();
                    millis.add((System.nanoTime() - t0) / 1e6);
                } else {
                    failed.incrementAndGet();
                }
            }
            return null;
        });
        return new Loop(ok.get(), failed.get(), seconds, millis);
    }

    /** A platform authenticator with one resident P-256 credential, user verification, a counter that grows. */
    static final class Authenticator {
        private static final byte UP = 0x01;
        private static final byte UV = 0x04;
        private static final byte AT = 0x40;
        private static final SecureRandom RANDOM = new SecureRandom();

        private final String rpId;
        private final byte[] userHandle;
        private final KeyPair keys;
        private final byte[] credentialId = new byte[16];
        private long counter;

        Authenticator(String rpId, byte[] userHandle) throws Exception {
            this.rpId = rpId;
            this.userHandle = userHandle;
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
            RANDOM.nextBytes(credentialId);
        }

        String registration(byte[] challenge, String origin) throws Exception {
            AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                    EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
            AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data =
                    new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), (byte) (UP | UV | AT), 0, attested);
            byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(
                    new AttestationObject(data, new NoneAttestationStatement()));
            String id = B64URL.encodeToString(credentialId);
            return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                    + "\"clientDataJSON\":\"" + clientData("webauthn.create", challenge, origin) + "\","
                    + "\"attestationObject\":\"" + B64URL.encodeToString(attestation) + "\",\"transports\":[\"internal\"]},"
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{}}";
        }

        synchronized String assertion(byte[] challenge, String origin) throws Exception {
            byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                    new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), (byte) (UP | UV), ++counter));
            String clientData = clientData("webauthn.get", challenge, origin);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(B64URL_DECODE.decode(clientData)));
            String id = B64URL.encodeToString(credentialId);
            return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                    + "\"clientDataJSON\":\"" + clientData + "\","
                    + "\"authenticatorData\":\"" + B64URL.encodeToString(authenticatorData) + "\","
                    + "\"signature\":\"" + B64URL.encodeToString(signer.sign()) + "\","
                    + "\"userHandle\":\"" + B64URL.encodeToString(userHandle) + "\"},"
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{}}";
        }

        private static String clientData(String type, byte[] challenge, String origin) {
            String json = "{\"type\":\"" + type + "\",\"challenge\":\"" + B64URL.encodeToString(challenge)
                    + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";
            return B64URL.encodeToString(json.getBytes(UTF_8));
        }

        private static byte[] sha256(byte[] value) throws Exception {
            return MessageDigest.getInstance("SHA-256").digest(value);
        }
    }

}
