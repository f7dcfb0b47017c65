package fr.ent.portal.credential.control;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashes stored as PHC strings (native libargon2 through argon2-jvm).
 * First version: OWASP parameters m=19 MiB, t=2, p=1.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

    public String hash(char[] password) {
        return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
    }

    public boolean verify(String phc, char[] password) {
        return phc != null && argon2.verify(phc, password);
    }
}
