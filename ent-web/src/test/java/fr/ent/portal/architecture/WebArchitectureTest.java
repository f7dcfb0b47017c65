package fr.ent.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.security.PortalAuthenticationMechanism;

/**
 * The web module's shape (issue 22 item 5, docs/ARCHITECTURE.md): it calls the domain through its boundaries and the
 * values they take and give (records, enums, exceptions, wherever they live), not through the domain's {@code control}
 * rule classes, except the few listed in {@link #ALLOWED_CONTROL} with the reason each is read directly; backing beans
 * ({@code *Backing}) live in {@code view.*}, one package per page; the web's features ({@code security}, {@code sso},
 * {@code admission}…, and each page {@code view.<page>}) never depend on each other in both directions, but for the
 * dependencies of {@link #CYCLE_EXCEPTIONS}, each with its reason.
 */
class WebArchitectureTest {

    /**
     * Domain control classes that the web edge may use although they are neither records, enums nor exceptions,
     * each with its reason. Anything else of a {@code control} package is reached through a boundary.
     */
    static final Map<String, String> ALLOWED_CONTROL = Map.ofEntries(
            Map.entry("fr.ent.portal.admission.control.AdmissionGate",
                    "metrics and the test-only /dev/admission read this node's hash slots and queue: live counters, no transaction"),
            Map.entry("fr.ent.portal.admission.control.WaitingLine",
                    "the waiting room answers a poll from the line's memory before any page work (issue 21: a refusal costs nothing)"),
            Map.entry("fr.ent.portal.admission.control.WaitingTicket",
                    "the signed ent_wait cookie is read and written by the admission filter, before any page work (issue 21)"),
            Map.entry("fr.ent.portal.keys.control.SealedValues",
                    "the one codec of signed values: the web's own values (CAS, OpenID Connect and SAML returns, form tokens) are sealed by it"),
            Map.entry("fr.ent.portal.signin.control.ClientAddress",
                    "the client's address behind the trusted proxies is computed once per request by the web edge"),
            Map.entry("fr.ent.portal.signin.control.Cidr",
                    "address ranges of the settings, parsed by the management filter with ClientAddress"),
            Map.entry("fr.ent.portal.signin.control.ManagementAccess",
                    "who may read /metrics and /health is decided by a servlet filter, before the application runs"),
            Map.entry("fr.ent.portal.credential.control.Tokens",
                    "the single-use links' tokens are moved from the URL to a cookie (LinkTokens) with the domain's token shape"),
            Map.entry("fr.ent.portal.mail.control.Html",
                    "the one HTML escaper, shared by mails and the plain servlet pages (CAS, OpenID Connect, waiting room)"),
            Map.entry("fr.ent.portal.demo.control.DemoMode",
                    "a reading of the settings: /dev/mailbox exists only in demo mode"),
            Map.entry("fr.ent.portal.federation.control.FederationSwitch",
                    "a reading of the settings: the OpenID Connect addresses answer 404 when federation is off"),
            Map.entry("fr.ent.portal.federation.control.ScopeClaims",
                    "the constant list of known scopes, published by discovery and offered by the client form"),
            Map.entry("fr.ent.portal.sso.control.CasXml",
                    "the CAS protocol's error codes, named by the validation servlet for a request it refuses itself"),
            Map.entry("fr.ent.portal.registry.control.ImportProgress",
                    "the progress handle an @Asynchronous import fills and the page polls (a value passed to the boundary)"),
            Map.entry("fr.ent.portal.letters.control.LetterProgress",
                    "the progress handle an @Asynchronous class print fills and the page polls (a value passed to the boundary)"));

    /** A dependency that closes a cycle between web features, kept for a reason. */
    record CycleException(String origin, String target, String reason) {
    }

    /** The dependencies that close a cycle between the web's features today, each with its reason. */
    static final List<CycleException> CYCLE_EXCEPTIONS = List.of(
            new CycleException("fr.ent.portal.security.Sessions", "fr.ent.portal.sso.CasReturn",
                    "a session opened by typed credentials binds the way back to /cas/login the browser brought (issue 20),"
                            + " at the one place where sessions start"),
            new CycleException("fr.ent.portal.admission.AdmissionFilter", "fr.ent.portal.view.Landings",
                    "a browser signed in again by its remembered device, in the filter before any page, lands where every"
                            + " sign-in lands (Landings knows the pending CAS, OpenID Connect and SAML returns)"));

    /**
     * The web's features: {@code fr.ent.portal.<feature>} of the web module, each page {@code view.<page>} apart;
     * {@code view} itself and {@code view.error} are the pages' shared layer (messages, landings, failures).
     */
    static final SliceAssignment WEB_FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String[] parts = type.getPackageName().split("\\.");
            if (parts.length < 4 || !type.getPackageName().startsWith("fr.ent.portal.")) {
                return SliceIdentifier.ignore();
            }
            boolean page = parts[3].equals("view") && parts.length > 4 && !parts[4].equals("error");
            return SliceIdentifier.of(page ? "view." + parts[4] : parts[3]);
        }

        @Override
        public String getDescription() {
            return "the web's features (each page apart)";
        }
    };

    static JavaClasses classes;
    static JavaClasses webOnly;
    static Path webClasses;

    @BeforeAll
    static void importBoth() throws URISyntaxException, IOException {
        webClasses = location(PortalAuthenticationMechanism.class);
        // the domain's classes too, so that a record or an enum is known as one: a folder when the build gives
        // ent-domain's target/classes (mvn test), its jar when it gives the packaged module (mvn verify, CI)
        Path domain = location(Account.class);
        Location domainClasses = Files.isDirectory(domain) ? Location.of(domain) : Location.of(new JarFile(domain.toFile()));
        classes = new ClassFileImporter().importLocations(List.of(Location.of(webClasses), domainClasses));
        webOnly = new ClassFileImporter().importLocations(List.of(Location.of(webClasses)));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static final DescribedPredicate<JavaClass> OF_THE_WEB_MODULE = DescribedPredicate.describe("are of the web module",
            c -> c.getSource().map(s -> s.getUri().toString().startsWith(webClasses.toUri().toString())).orElse(false));

    static final DescribedPredicate<JavaClass> DOMAIN_CONTROL_NOT_A_VALUE = DescribedPredicate.describe(
            "are domain control classes other than records, enums, exceptions and the listed ones",
            c -> (c.isArray() ? c.getBaseComponentType() : c).getPackageName()
                    .matches("fr\\.ent\\.portal\\.\\w+\\.control(\\..*)?")
                    && !isValue(c) && !ALLOWED_CONTROL.containsKey(c.getName())
                    && !ALLOWED_CONTROL.containsKey(c.getEnclosingClass().map(JavaClass::getName).orElse("")));

    private static boolean isValue(JavaClass type) {
        JavaClass c = type.isArray() ? type.getBaseComponentType() : type;
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent() && !top.isRecord() && !top.isEnum()) {
            top = top.getEnclosingClass().get();
        }
        return c.isRecord() || c.isEnum() || top.isRecord() || top.isEnum() || c.isAssignableTo(Throwable.class);
    }

    @Test
    void theWebCallsTheDomainThroughItsBoundaries() {
        noClasses().that(OF_THE_WEB_MODULE)
                .should().dependOnClassesThat(DOMAIN_CONTROL_NOT_A_VALUE)
                .because("a page reaches the domain through a boundary (transaction, security, audit): the rule classes "
                        + "behind it may change without the web noticing")
                .check(classes);
    }

    @Test
    void backingBeansLiveInView() {
        classes().that(OF_THE_WEB_MODULE).and().haveSimpleNameEndingWith("Backing")
                .should().resideInAPackage("fr.ent.portal.view..")
                .because("a page's bean is found next to the page's name: view.<page>.<Page>Backing")
                .check(classes);
    }

    /** Issue 22: a backing bean holds a form's fields and one or two actions, in 100 lines at most (imports included). */
    @Test
    void backingBeansAreAtMostAHundredLines() throws IOException {
        Path view = Path.of("src/main/java/fr/ent/portal/view");
        try (var files = Files.walk(view)) {
            List<String> over = files.filter(f -> f.getFileName().toString().endsWith("Backing.java")).map(f -> {
                try {
                    return f + " " + Files.readAllLines(f).size();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)) > 100).sorted().toList();
            if (!over.isEmpty()) {
                throw new AssertionError("backing beans over 100 lines: " + over);
            }
        }
    }

    @Test
    void webFeaturesAreFreeOfCycles() {
        SliceRule rule = slices().assignedFrom(WEB_FEATURES).should().beFreeOfCycles();
        for (CycleException allowed : CYCLE_EXCEPTIONS) {
            rule = rule.ignoreDependency(named(allowed.origin()), named(allowed.target()));
        }
        rule.because("a web feature is changed and understood on its own, like the domain's: pages on top, then the"
                + " plain servlets, then security").check(webOnly);
    }

    /** The class {@code name} and its nested, anonymous and lambda classes. */
    private static DescribedPredicate<JavaClass> named(String name) {
        return DescribedPredicate.describe(name, c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }

    @Test
    void theListedCycleExceptionsAreStillDependencies() {
        for (CycleException allowed : CYCLE_EXCEPTIONS) {
            boolean used = webOnly.stream().filter(named(allowed.origin()))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> named(allowed.target()).test(d.getTargetClass()));
            if (!used) {
                throw new AssertionError(allowed.origin() + " no longer uses " + allowed.target() + ": drop the exception");
            }
        }
    }

    @Test
    void theListedExceptionsStillExist() {
        for (String name : ALLOWED_CONTROL.keySet()) {
            if (!classes.contain(name)) {
                throw new AssertionError(name + " is listed as an allowed control class but no longer exists: drop it");
            }
        }
    }
}
