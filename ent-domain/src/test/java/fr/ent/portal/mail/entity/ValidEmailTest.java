package fr.ent.portal.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.Profile;

/**
 * Issue 22 item 2, one e-mail shape: what an entity stores is checked by {@link EmailShape} too (Bean Validation's
 * {@code @Email} accepted {@code nobody@localhost}, which every form and import refuses), and no source file of either
 * module uses {@code @Email} beside it.
 */
class ValidEmailTest {

    @Test
    void entitiesStoreOnlyAddressesOfTheOneShape() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Establishment school = new Establishment("0010001W", "École test", EstablishmentKind.ECOLE, "Lyon", "Bourg");
            school.changeContact("ce.0010001w@ac-lyon.fr", null);
            assertTrue(validator.validate(school).isEmpty());
            school.changeContact("nobody@localhost", null);
            assertEquals("{establishment.contactEmail.invalid}", validator.validate(school).iterator().next().getMessageTemplate());

            Account account = new Account("c.durand1", "Claire", "Durand", null, Profile.LEGAL_REPRESENTATIVE,
                    Instant.parse("2026-12-07T05:00:00Z"));
            account.changeRecoveryEmail("c.durand@example.org");
            assertTrue(validator.validate(account).isEmpty());
            account.changeRecoveryEmail("c.durand@localhost");
            assertEquals("{account.recoveryEmail.invalid}", validator.validate(account).iterator().next().getMessageTemplate());
        }
    }

    @Test
    void noOtherEmailRuleInTheSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> others;
        try (Stream<Path> files = Stream.of("ent-domain/src/main/java", "ent-web/src/main/java")
                .map(root::resolve).flatMap(ValidEmailTest::walk)) {
            others = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("EmailShape.java"))
                    .filter(ValidEmailTest::hasItsOwnEmailRule).map(p -> root.relativize(p).toString()).toList();
        }
        assertEquals(List.of(), others, "an e-mail rule beside EmailShape");
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasItsOwnEmailRule(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("jakarta.validation.constraints.Email") || text.contains("@Email(")
                    || text.contains("@Email\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
