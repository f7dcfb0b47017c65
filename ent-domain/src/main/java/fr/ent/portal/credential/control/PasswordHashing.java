package fr.ent.portal.credential.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.AdmissionRefused;
import fr.ent.portal.admission.control.Priority;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Argon2id password hashes stored as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), computed by the
 * native libargon2 through argon2-jvm.
 * <p>
 * Parameters come from configuration (OWASP defaults m=19 MiB, t=2, p=1); {@link #needsRehash(String)} tells when a
 * stored hash was made with other parameters, so that the sign-in can store a fresh hash.
 * <p>
 * Every hash and verification passes the {@link AdmissionGate} ({@code ent.admission.slots} at once, a bounded queue
 * ordered by {@link Priority}): simultaneous sign-ins queue instead of each taking a core and 19 MiB at once. A caller
 * the queue cannot take within {@code ent.admission.max-wait} gets a {@link PasswordHashingBusyException}. The hash
 * itself runs on one of a few {@link HashThreads}, not on the caller's thread, so that its memory is reused.
 * <p>
 * The password arrays given to {@link #hash}, {@link #verify} and {@link #verifyDummy} are wiped (filled with zeros)
 * before the method returns, whatever the outcome: pass a copy if you still need it. Passwords are hashed as UTF-8
 * in Unicode normalization form C (é typed precomposed or decomposed is the same password).
 */
@ApplicationScoped
public class PasswordHashing {

    /** Password behind {@link #verifyDummy}: random-looking, never a real user's. */
    private static final char[] DUMMY_PASSWORD = "dummy-0f3c9a61-argon2-ENT".toCharArray();

    private Argon2 argon2;
    private int memoryKib;
    private int iterations;
    private int parallelism;
    private AdmissionGate gate;
    private HashThreads threads;
    private String dummyHash;

    /** For the CDI proxy only. */
    protected PasswordHashing() {
    }

    @Inject
    public PasswordHashing(Settings settings, AdmissionGate gate) {
        this(Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id), settings.getInt(Setting.PASSWORD_ARGON2_MEMORY_KIB),
                settings.getInt(Setting.PASSWORD_ARGON2_ITERATIONS), settings.getInt(Setting.PASSWORD_ARGON2_PARALLELISM),
                gate);
    }

    /** Outside CDI (tests, tools): the given Argon2id parameters and gate size, waiting at most 20 s for the gate. */
    public PasswordHashing(int memoryKib, int iterations, int parallelism, int concurrency) {
        this(memoryKib, iterations, parallelism, concurrency, Duration.ofSeconds(20));
    }

    public PasswordHashing(int memoryKib, int iterations, int parallelism, int concurrency, Duration maxWait) {
        this(Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id), memoryKib, iterations, parallelism, concurrency, maxWait);
    }

    PasswordHashing(Argon2 argon2, int memoryKib, int iterations, int parallelism, int concurrency, Duration maxWait) {
        this(argon2, memoryKib, iterations, parallelism, new AdmissionGate(concurrency, maxWait));
    }

    PasswordHashing(Argon2 argon2, int memoryKib, int iterations, int parallelism, AdmissionGate gate) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Invalid Argon2id parameters");
        }
        this.argon2 = argon2;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.gate = gate;
        this.threads = new HashThreads();
        this.dummyHash = argon2.hash(iterations, memoryKib, parallelism, DUMMY_PASSWORD.clone());
    }

    /** A new PHC string for the password, with a random salt and the configured parameters. */
    public String hash(char[] password) {
        return hash(password, Priority.NORMAL);
    }

    /** As {@link #hash(char[])}, queued with the given priority. */
    public String hash(char[] password, Priority priority) {
        try {
            return withNfc(password, nfc -> gated(priority, () -> argon2.hash(iterations, memoryKib, parallelism, nfc, UTF_8)));
        } finally {
            wipe(password);
        }
    }

    /** True when the password matches the stored PHC string; false for a missing or malformed hash. */
    public boolean verify(String phc, char[] password) {
        return verify(phc, password, Priority.NORMAL);
    }

    /** As {@link #verify(String, char[])}, queued with the given priority. */
    public boolean verify(String phc, char[] password, Priority priority) {
        try {
            return phc != null && phc.startsWith("$argon2")
                    && withNfc(password, nfc -> gated(priority, () -> argon2.verify(phc, nfc, UTF_8)));
        } finally {
            wipe(password);
        }
    }

    /**
     * Checks a password against the previous ENT's hash ({@link LegacyPasswords}) inside the admission gate, like an
     * Argon2id verification (bcrypt and PBKDF2 take a core as long as Argon2id does): one slot for the legacy check
     * and, when it fails, the dummy Argon2id verification that gives a wrong legacy password the cost of any other
     * wrong answer. The password array is wiped.
     */
    public boolean verifyLegacy(String legacyHash, char[] password, Priority priority) {
        try {
            return gated(priority, () -> {
                if (LegacyPasswords.verify(legacyHash, password)) {
                    return true;
                }
                withNfc(password, nfc -> argon2.verify(dummyHash, nfc, UTF_8));
                return false;
            });
        } finally {
            wipe(password);
        }
    }

    /**
     * The same work as {@link #verify} against a hash of a dummy password, for an unknown identifier: the answer
     * then takes as long as for a known one. Always false.
     */
    public boolean verifyDummy(char[] password) {
        return verifyDummy(password, Priority.NORMAL);
    }

    /** As {@link #verifyDummy(char[])}, queued with the given priority. */
    public boolean verifyDummy(char[] password, Priority priority) {
        try {
            withNfc(password, nfc -> gated(priority, () -> argon2.verify(dummyHash, nfc, UTF_8)));
            return false;
        } finally {
            wipe(password);
        }
    }

    /** True when the stored hash is not an Argon2id hash of version 19 with exactly the configured m, t and p. */
    public boolean needsRehash(String phc) {
        return Phc.parse(phc).map(p -> !p.matches(memoryKib, iterations, parallelism)).orElse(true);
    }

    /** Callers waiting for the gate now (for metrics). */
    public int queueLength() {
        return gate.queueLength();
    }

    /** The gate's size: hashes that may run at once. */
    public int permits() {
        return gate.slots();
    }

    /** Slots free now (for metrics). */
    public int availablePermits() {
        return Math.max(0, gate.slots() - gate.held() - gate.running());
    }

    private <T> T gated(Priority priority, Supplier<T> work) {
        AdmissionGate.Pass pass;
        try {
            pass = gate.enter(priority);
        } catch (AdmissionRefused refused) {
            throw new PasswordHashingBusyException(gate.maxWait());
        }
        try (pass) {
            return threads.run(work);
        }
    }

    /** Ends the hash threads (the application stops). */
    @PreDestroy
    void stop() {
        threads.close();
    }

    /**
     * Runs the work on the password in Unicode normalization form C, so that an é typed as one character or as e
     * plus a combining accent gives the same hash. ASCII-only passwords are used as they are; otherwise the
     * normalized copy is wiped afterwards (the intermediate String cannot be).
     */
    private static <T> T withNfc(char[] password, Function<char[], T> work) {
        Objects.requireNonNull(password, "password");
        boolean ascii = true;
        for (char c : password) {
            ascii &= c < 0x80;
        }
        if (ascii) {
            return work.apply(password);
        }
        char[] nfc = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFC).toCharArray();
        try {
            return work.apply(nfc);
        } finally {
            wipe(nfc);
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** The parameters of a PHC string {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}. */
    record Phc(String algorithm, int version, int memoryKib, int iterations, int parallelism) {

        static Optional<Phc> parse(String phc) {
            if (phc == null) {
                return Optional.empty();
            }
            String[] parts = phc.split("\\$", -1);
            if (parts.length != 6 || !parts[0].isEmpty() || !parts[2].startsWith("v=")) {
                return Optional.empty();
            }
            try {
                int version = Integer.parseInt(parts[2].substring(2));
                int m = -1, t = -1, p = -1;
                for (String param : parts[3].split(",")) {
                    String[] kv = param.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> { }
                    }
                }
                return m < 0 || t < 0 || p < 0 ? Optional.empty()
                        : Optional.of(new Phc(parts[1], version, m, t, p));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        boolean matches(int memoryKib, int iterations, int parallelism) {
            return "argon2id".equals(algorithm) && version == 19
                    && this.memoryKib == memoryKib && this.iterations == iterations && this.parallelism == parallelism;
        }
    }
}
