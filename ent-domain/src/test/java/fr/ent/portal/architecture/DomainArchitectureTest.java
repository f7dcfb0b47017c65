package fr.ent.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;

/**
 * The domain's shape (issue 22 item 5, docs/ARCHITECTURE.md "Packages"): features ({@code fr.ent.portal.<feature>})
 * that never import each other in both directions, even through others, and inside each feature {@code entity} →
 * nothing of {@code control} or {@code boundary}, {@code control} → nothing of {@code boundary} (any feature's). Only
 * the module's own compiled classes are read (not the tests, not the libraries).
 */
class DomainArchitectureTest {

    static JavaClasses domain;

    @BeforeAll
    static void importDomain() throws URISyntaxException {
        Path classes = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        domain = new ClassFileImporter().importPath(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("fr.ent.portal.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("a feature is changed and understood on its own: what two features share belongs to the "
                        + "lower one, or to a small record or event that both can see")
                .check(domain);
    }

    @Test
    void entitiesImportNoControlNorBoundary() {
        noClasses().that().resideInAPackage("fr.ent.portal.*.entity..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.ent.portal.*.control..", "fr.ent.portal.*.boundary..")
                .because("entities carry their own invariants and are used by everything above them")
                .check(domain);
    }

    @Test
    void controlImportsNoBoundary() {
        noClasses().that().resideInAPackage("fr.ent.portal.*.control..")
                .should().dependOnClassesThat().resideInAPackage("fr.ent.portal.*.boundary..")
                .because("control holds rules that boundaries call, never the other way round")
                .check(domain);
    }

    @Test
    void theDomainKnowsNoPage() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "org.primefaces..",
                        "org.omnifaces..", "fr.ent.portal.view..", "fr.ent.portal.security..")
                .because("pages and the web edge live in ent-web, on top of the domain")
                .check(domain);
    }
}
