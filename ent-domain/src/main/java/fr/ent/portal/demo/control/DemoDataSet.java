package fr.ent.portal.demo.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import fr.ent.portal.account.control.IdentifierRule;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.ProvisionalCodes;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The demo establishments and accounts (see the README's table of demo accounts). Works with any
 * {@link EntityManager} inside a transaction the caller owns, so tests load it without a server.
 * School years and expiries follow the clock, so the demo stays right whatever the date.
 */
public class DemoDataSet {

    /** The demo lycée (académie de Créteil): its presence marks the demo as loaded. */
    public static final String LYCEE_UAI = "0771763Y";
    /** The demo collège (académie de Poitiers). */
    public static final String COLLEGE_UAI = "0860034V";
    /** The demo lycée in Toulouse (académie de Toulouse, Occitanie). */
    public static final String TOULOUSE_UAI = "0312289V";

    public static final String PUPIL_CODE = "DEMO1-PUPIL";
    public static final String PARENT_CODE = "DEMO2-PARENT";
    public static final String BERNARD_PASSWORD = "Soleil#Rouge2026";
    public static final String TEACHER_PASSWORD = "Tableau#Noir2026";
    public static final String SCHOOL_ADMIN_PASSWORD = "Registre#Lycee2026";
    public static final String REGION_ADMIN_PASSWORD = "Region#Academie2026";
    /** g.leroy1: a representative whose declared child is kept for the "five wrong birth dates" journey. */
    public static final String LEROY_PASSWORD = "Famille#Leroy2026";
    /** y.perrin1: a representative of two children in two establishments, for the single sign-on journey. */
    public static final String PERRIN_PASSWORD = "Famille#Perrin2026";
    /** b.garnier1: school admin of the collège, to show that one establishment's admin never sees another's. */
    public static final String COLLEGE_ADMIN_PASSWORD = "Registre#College2026";

    /** e.renaud1: a pupil of the collège for the bad-input browser tests (double clicks, back, expired page). */
    public static final String RENAUD_CODE = "DEMO4-RENAUD";
    /** z.sanscript1: a pupil in Toulouse who signs in, activates and resets a password without JavaScript (browser test). */
    public static final String SANSCRIPT_CODE = "DEMO5-NOSCRIPT";
    /** a.marchand1 and b.marchand1: two pupils in Toulouse who meet in the waiting room (browser tests). */
    public static final String MARCHAND_PASSWORD = "File#Attente2026";
    /** k.aubert1 and k.barre1: two families of the Toulouse lycée, one attached child each (the kept /home, HomePageIT). */
    public static final String KEPT_HOME_PASSWORD = "Cartable#Rouge2026";
    /** o.morel1 (pupil in Toulouse, 2nde 1) and m.morel1 (her representative): the OpenID Connect journey's (OidcIT). */
    public static final String MOREL_PASSWORD = "Relais#Morel2026";
    /**
     * u.quillet1 (representative of v.quillet1, Toulouse 2nde 1, and w.quillet1, collège 5e A): the SAML journey's
     * (SamlIT), linked to two establishments so that the choice comes first.
     */
    public static final String QUILLET_PASSWORD = "Portail#Quillet2026";

    /**
     * The takeover matrix's targets (issue 20, {@code TakeoverMatrixIT}; no other class uses them), each with this
     * password and a verified email {@code <identifier>@example.org}: t.vidal1 (pupil, lycée 2nde B), r.caron1
     * (representative of t.vidal1 only), n.vidal1 (representative of t.vidal1 and of i.vidal1, collège 4e B),
     * j.blanc1 (teacher at the lycée), m.colin1 (teacher at the lycée and at the collège), s.roy1 (school admin of
     * the collège).
     */
    public static final String MATRIX_PASSWORD = "Matrice#Cible2026";

    /** How long the demo provisional codes stay valid. */
    public static final Duration PROVISIONAL_CODE_VALIDITY = Duration.ofDays(90);

    private final EntityManager em;
    private final PasswordHashing hashing;
    private final Clock clock;

    private Instant now;
    private SchoolYear thisYear;
    private final Map<String, String> hashes = new HashMap<>();

    public DemoDataSet(EntityManager em, PasswordHashing hashing, Clock clock) {
        this.em = em;
        this.hashing = hashing;
        this.clock = clock;
    }

    /** True when the demo has already been loaded into this database. */
    public boolean isLoaded() {
        return em.createNamedQuery(Establishment.COUNT_BY_UAI, Long.class)
                .setParameter("uai", LYCEE_UAI).getSingleResult() > 0;
    }

    /** Loads the demo unless already there; returns whether it loaded it. The caller commits. */
    public boolean loadIfAbsent() {
        if (isLoaded()) {
            return false;
        }
        now = clock.instant();
        thisYear = SchoolYear.current(clock);
        SchoolYear lastYear = thisYear.previous();

        Establishment lycee = establishment(LYCEE_UAI, "Lycée Camille Claudel", EstablishmentKind.LYCEE,
                "Créteil", "Melun", "01 64 52 18 30");
        Establishment college = establishment(COLLEGE_UAI, "Collège Jules Ferry", EstablishmentKind.COLLEGE,
                "Poitiers", "Châtellerault", "05 49 21 07 44");
        Establishment toulouse = establishment(TOULOUSE_UAI, "Lycée Pierre-Paul Riquet", EstablishmentKind.LYCEE,
                "Toulouse", "Toulouse", "05 61 33 45 90");

        // The six demo accounts and the children of the two families.
        Account leaMartin = pupil("Léa", "Martin", LocalDate.of(2011, 5, 20), lycee, "2nde B", thisYear);
        withProvisionalCode(leaMartin, PUPIL_CODE);

        Account claireDurand = person("Claire", "Durand", null, Profile.LEGAL_REPRESENTATIVE);
        withProvisionalCode(claireDurand, PARENT_CODE);
        Account emileDurand = pupil("Émile", "Durand", LocalDate.of(2012, 3, 14), college, "3e A", thisYear);
        Account manonDurand = pupil("Manon", "Durand", LocalDate.of(2009, 11, 2), lycee, "Terminale A", thisYear);
        em.persist(new Responsibility(claireDurand, emileDurand, now));
        em.persist(new Responsibility(claireDurand, manonDurand, now));

        Account sophieBernard = person("Sophie", "Bernard", null, Profile.LEGAL_REPRESENTATIVE);
        withPassword(sophieBernard, BERNARD_PASSWORD);
        sophieBernard.changeRecoveryEmail("s.bernard@example.org");
        sophieBernard.markEmailVerified(now);
        Account theoBernard = pupil("Théo", "Bernard", LocalDate.of(2011, 1, 9), college, "3e B", lastYear);
        em.persist(new Enrollment(theoBernard, lycee, "2nde B", thisYear));
        Responsibility bernards = new Responsibility(sophieBernard, theoBernard, now);
        bernards.attach(now);
        em.persist(bernards);

        Account gabrielLeroy = person("Gabriel", "Leroy", null, Profile.LEGAL_REPRESENTATIVE);
        withPassword(gabrielLeroy, LEROY_PASSWORD);
        gabrielLeroy.changeRecoveryEmail("g.leroy@example.org");
        gabrielLeroy.markEmailVerified(now);
        Account linaLeroy = pupil("Lina", "Leroy", LocalDate.of(2013, 6, 21), college, "4e B", thisYear);
        em.persist(new Responsibility(gabrielLeroy, linaLeroy, now));

        Account pierrePetit = person("Pierre", "Petit", null, Profile.TEACHER);
        withPassword(pierrePetit, TEACHER_PASSWORD);
        em.persist(Assignment.of(pierrePetit, lycee, AssignmentRole.TEACHER, thisYear));
        em.persist(Assignment.principalTeacher(pierrePetit, lycee, "2nde B", thisYear));

        Account anneMoreau = person("Anne", "Moreau", null, Profile.SCHOOL_ADMIN);
        withPassword(anneMoreau, SCHOOL_ADMIN_PASSWORD);
        em.persist(Assignment.of(anneMoreau, lycee, AssignmentRole.SCHOOL_ADMIN, thisYear));

        Account bereniceGarnier = person("Bérénice", "Garnier", null, Profile.SCHOOL_ADMIN);
        withPassword(bereniceGarnier, COLLEGE_ADMIN_PASSWORD);
        em.persist(Assignment.of(bereniceGarnier, college, AssignmentRole.SCHOOL_ADMIN, thisYear));

        Account regisAdmin = person("Régis", "Admin", null, Profile.REGION_ADMIN);
        withPassword(regisAdmin, REGION_ADMIN_PASSWORD);

        // The browser journeys' own accounts (no other test uses them). h.faure1 has no code yet: her letter is
        // printed by the collège's admin at the start of her journey; her children are at the lycée and the collège.
        Account heleneFaure = person("Hélène", "Faure", null, Profile.LEGAL_REPRESENTATIVE);
        Account paulFaure = pupil("Paul", "Faure", LocalDate.of(2009, 9, 4), lycee, "1re F", thisYear);
        Account zoeFaure = pupil("Zoé", "Faure", LocalDate.of(2013, 1, 28), college, "5e F", thisYear);
        em.persist(new Responsibility(heleneFaure, paulFaure, now));
        em.persist(new Responsibility(heleneFaure, zoeFaure, now));
        withProvisionalCode(pupil("Elsa", "Renaud", LocalDate.of(2012, 7, 7), college, "4e F", thisYear), RENAUD_CODE);
        withProvisionalCode(pupil("Zoé", "Sanscript", LocalDate.of(2010, 9, 12), toulouse, "1re 2", thisYear), SANSCRIPT_CODE);
        withPassword(pupil("Ambre", "Marchand", LocalDate.of(2010, 4, 2), toulouse, "1re 2", thisYear), MARCHAND_PASSWORD);
        withPassword(pupil("Bastien", "Marchand", LocalDate.of(2010, 4, 2), toulouse, "1re 2", thisYear), MARCHAND_PASSWORD);

        // Other pupils, so that classes are not empty.
        pupil("Hugo", "Lefebvre", LocalDate.of(2011, 2, 11), lycee, "2nde B", thisYear);
        pupil("Inès", "Garnier", LocalDate.of(2010, 7, 3), lycee, "1re C", thisYear);
        pupil("Nathan", "Roux", LocalDate.of(2011, 9, 27), lycee, "2nde A", thisYear);
        Account jadeFournier = pupil("Jade", "Fournier", LocalDate.of(2014, 4, 18), college, "5e A", thisYear);
        pupil("Louis", "Girard", LocalDate.of(2015, 10, 6), college, "6e B", thisYear);
        pupil("Chloé", "Bonnet", LocalDate.of(2012, 12, 1), college, "3e A", thisYear);
        pupil("Jules", "Mercier", LocalDate.of(2011, 3, 22), toulouse, "2nde 1", thisYear);
        pupil("Camille", "Lambert", LocalDate.of(2010, 6, 15), toulouse, "1re 2", thisYear);
        Account sarahFontaine = pupil("Sarah", "Fontaine", LocalDate.of(2009, 8, 30), toulouse, "Terminale 3", thisYear);
        pupil("Adam", "Rousseau", LocalDate.of(2011, 11, 12), toulouse, "2nde 1", thisYear);

        // A blended family: both children attached, in two establishments (single sign-on journey).
        Account yasminePerrin = person("Yasmine", "Perrin", null, Profile.LEGAL_REPRESENTATIVE);
        withPassword(yasminePerrin, PERRIN_PASSWORD);
        for (Account child : List.of(jadeFournier, sarahFontaine)) {
            Responsibility perrin = new Responsibility(yasminePerrin, child, now);
            perrin.attach(now);
            em.persist(perrin);
        }

        // The OpenID Connect journey's own family (issue 23, OidcIT; no other test uses it): one establishment, no choice.
        Account oceaneMorel = pupil("Océane", "Morel", LocalDate.of(2010, 11, 3), toulouse, "2nde 1", thisYear);
        withPassword(oceaneMorel, MOREL_PASSWORD);
        Account mathisMorel = person("Mathis", "Morel", null, Profile.LEGAL_REPRESENTATIVE);
        withPassword(mathisMorel, MOREL_PASSWORD);
        Responsibility morel = new Responsibility(mathisMorel, oceaneMorel, now);
        morel.attach(now);
        em.persist(morel);

        // The kept /home's own families (issue 21, HomePageIT; no other test uses them): same establishment, other
        // children, so that one family's page is never shown with another's names.
        for (String[] family : new String[][] {{"Karine", "Aubert", "Yanis"}, {"Kevin", "Barre", "Maël"}}) {
            Account parent = person(family[0], family[1], null, Profile.LEGAL_REPRESENTATIVE);
            withPassword(parent, KEPT_HOME_PASSWORD);
            Responsibility kept = new Responsibility(parent,
                    pupil(family[2], family[1], LocalDate.of(2010, 2, 3), toulouse, "Terminale 3", thisYear), now);
            kept.attach(now);
            em.persist(kept);
        }

        // The SAML journey's own family (issue 23, SamlIT; no other test uses it): two children in two establishments.
        Account ulysseQuillet = person("Ulysse", "Quillet", null, Profile.LEGAL_REPRESENTATIVE);
        withPassword(ulysseQuillet, QUILLET_PASSWORD);
        for (Account child : List.of(pupil("Victor", "Quillet", LocalDate.of(2010, 5, 14), toulouse, "2nde 1", thisYear),
                pupil("Wanda", "Quillet", LocalDate.of(2013, 3, 9), college, "5e A", thisYear))) {
            Responsibility quillet = new Responsibility(ulysseQuillet, child, now);
            quillet.attach(now);
            em.persist(quillet);
        }

        // The takeover matrix's targets (issue 20): a family in one and one in two establishments, staff in one and
        // in two establishments, another establishment's admin.
        Account tomVidal = matrixTarget(pupil("Tom", "Vidal", LocalDate.of(2011, 4, 12), lycee, "2nde B", thisYear));
        Account irisVidal = pupil("Iris", "Vidal", LocalDate.of(2013, 2, 5), college, "4e B", thisYear);
        Account roseCaron = matrixTarget(person("Rose", "Caron", null, Profile.LEGAL_REPRESENTATIVE));
        em.persist(new Responsibility(roseCaron, tomVidal, now));
        Account noeVidal = matrixTarget(person("Noé", "Vidal", null, Profile.LEGAL_REPRESENTATIVE));
        em.persist(new Responsibility(noeVidal, tomVidal, now));
        em.persist(new Responsibility(noeVidal, irisVidal, now));
        Account julieBlanc = matrixTarget(person("Julie", "Blanc", null, Profile.TEACHER));
        em.persist(Assignment.of(julieBlanc, lycee, AssignmentRole.TEACHER, thisYear));
        Account marcColin = matrixTarget(person("Marc", "Colin", null, Profile.TEACHER));
        em.persist(Assignment.of(marcColin, lycee, AssignmentRole.TEACHER, thisYear));
        em.persist(Assignment.of(marcColin, college, AssignmentRole.TEACHER, thisYear));
        Account soniaRoy = matrixTarget(person("Sonia", "Roy", null, Profile.SCHOOL_ADMIN));
        em.persist(Assignment.of(soniaRoy, college, AssignmentRole.SCHOOL_ADMIN, thisYear));

        em.flush();
        return true;
    }

    private Account matrixTarget(Account account) {
        withPassword(account, MATRIX_PASSWORD);
        account.changeRecoveryEmail(account.identifier() + "@example.org");
        account.markEmailVerified(now);
        return account;
    }

    private Establishment establishment(String uai, String name, EstablishmentKind kind, String academie, String city,
                                        String phone) {
        Establishment e = new Establishment(uai, name, kind, academie, city);
        String domain = "ac-" + academie.toLowerCase(Locale.ROOT).replace("é", "e");
        e.changeContact("ce." + uai.toLowerCase(Locale.ROOT) + "@" + domain + ".fr", phone);
        e.offerService("Pronote", "https://" + uai.toLowerCase(Locale.ROOT) + ".index-education.net/pronote/");
        e.offerService("Médiacentre", "https://gar.education.fr/");
        e.offerService("PIX", "https://app.pix.fr/connexion");
        em.persist(e);
        return e;
    }

    private Account person(String firstName, String lastName, LocalDate birthDate, Profile profile) {
        String identifier = IdentifierRule.nextFree(em, firstName, lastName);
        Account account = new Account(identifier, firstName, lastName, birthDate, profile, now);
        em.persist(account); // the next identifier query sees it: queries flush pending changes first
        return account;
    }

    private Account pupil(String firstName, String lastName, LocalDate birthDate, Establishment establishment,
                          String division, SchoolYear year) {
        Account pupil = person(firstName, lastName, birthDate, Profile.PUPIL);
        em.persist(new Enrollment(pupil, establishment, division, year));
        return pupil;
    }

    private void withProvisionalCode(Account account, String code) {
        account.issueProvisionalCode(hash(ProvisionalCodes.normalize(code)), now.plus(PROVISIONAL_CODE_VALIDITY));
    }

    private void withPassword(Account account, String password) {
        account.changePassword(hash(password));
    }

    /** Each distinct secret is hashed once (hashing is deliberately slow). */
    private String hash(String secret) {
        return hashes.computeIfAbsent(secret, s -> hashing.hash(s.toCharArray()));
    }

    /** The identifiers of the six demo accounts with a secret, in the README's order. */
    public static List<String> demoIdentifiers() {
        return List.of("l.martin1", "c.durand1", "s.bernard1", "p.petit1", "a.moreau1", "r.admin1");
    }
}
