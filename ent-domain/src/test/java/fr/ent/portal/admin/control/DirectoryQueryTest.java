package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.schooling.entity.SchoolYear;

/** The account directory's query on the demo data (H2 in memory, migrated by Flyway): scopes, filters, orders. */
class DirectoryQueryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));
    static EntityManagerFactory emf;
    static long lycee;

    @BeforeAll
    static void demo() {
        emf = TestPersistenceUnit.migratedH2("directory-query-test");
        TestPersistenceUnit.inTransaction(emf, em ->
                new DemoDataSet(em, new PasswordHashing(1024, 1, 1, 2), CLOCK).loadIfAbsent());
        lycee = TestPersistenceUnit.inTransaction(emf, em -> em.createNamedQuery(Establishment.BY_UAI,
                Establishment.class).setParameter("uai", DemoDataSet.LYCEE_UAI).getSingleResult().id());
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    static final DirectoryFilter NONE = DirectoryFilter.NONE;

    static List<String> identifiers(AdminScope scope, DirectoryFilter filter, DirectorySort sort, boolean descending) {
        return TestPersistenceUnit.inTransaction(emf, em -> DirectoryQuery.of(scope, filter, SchoolYear.current(CLOCK),
                        LocalDate.now(CLOCK)).page(em, sort, descending, 0, 100).getResultList().stream()
                .map(row -> (String) row[1]).toList());
    }

    static List<String> identifiers(AdminScope scope, DirectoryFilter filter) {
        return identifiers(scope, filter, DirectorySort.IDENTIFIER, false);
    }

    static DirectoryFilter filter(String name, String identifier, String division, Profile profile, AccountStatus status) {
        return new DirectoryFilter(name, identifier, division, profile, status);
    }

    AdminScope moreau() {
        return new AdminScope(2, "a.moreau1", false, Set.of(lycee), Set.of());
    }

    AdminScope petit() {
        return new AdminScope(3, "p.petit1", false, Set.of(), Set.of(new AdminScope.Division(lycee, "2nde B")));
    }

    @Test
    void theRegionSeesEveryAccount() {
        List<String> all = identifiers(AdminScope.region(1, "r.admin1"), NONE);
        assertTrue(all.containsAll(List.of("l.martin1", "e.durand1", "b.garnier1", "r.admin1", "j.mercier1")), all::toString);
        int count = TestPersistenceUnit.inTransaction(emf, em -> DirectoryQuery.of(AdminScope.region(1, "r.admin1"),
                NONE, SchoolYear.current(CLOCK), LocalDate.now(CLOCK)).countUpTo(em, 1000));
        assertEquals(all.size(), count);
        int capped = TestPersistenceUnit.inTransaction(emf, em -> DirectoryQuery.of(AdminScope.region(1, "r.admin1"),
                NONE, SchoolYear.current(CLOCK), LocalDate.now(CLOCK)).countUpTo(em, 2));
        assertEquals(3, capped, "capped: cap + 1");
    }

    @Test
    void aSchoolAdminSeesPupilsStaffAndFamiliesOfTheirEstablishmentThisYear() {
        List<String> seen = identifiers(moreau(), NONE);
        assertTrue(seen.containsAll(List.of("l.martin1", "m.durand1", "t.bernard1", "n.roux1", "i.garnier1",
                "c.durand1", "s.bernard1", "p.petit1", "a.moreau1")), seen::toString);
        for (String other : List.of("e.durand1", "b.garnier1", "g.leroy1", "l.leroy1", "j.mercier1", "r.admin1")) {
            assertFalse(seen.contains(other), other);
        }
        assertEquals(seen.stream().distinct().toList(), seen, "each account once");
    }

    @Test
    void aPrincipalTeacherSeesTheirClassAndItsFamilies() {
        List<String> seen = identifiers(petit(), NONE);
        assertEquals(List.of("h.lefebvre1", "l.martin1", "n.vidal1", "r.caron1", "s.bernard1", "t.bernard1", "t.vidal1"), seen);
    }

    @Test
    void filters() {
        AdminScope region = AdminScope.region(1, "r.admin1");
        assertEquals(List.of("h.lefebvre1", "l.martin1", "n.vidal1", "r.caron1", "s.bernard1", "t.bernard1", "t.vidal1"),
                identifiers(region, filter(null, null, "2nde B", null, null)), "the class's pupils and their families");
        assertEquals(List.of("c.durand1", "e.durand1", "m.durand1"), identifiers(region, filter("DUR", null, null, null, null)));
        assertEquals(List.of("l.martin1"), identifiers(region, filter("léa", null, null, null, null)), "first names too");
        assertEquals(List.of("l.girard1", "l.leroy1", "l.martin1"), identifiers(region, filter(null, "L.", null, null, null)));
        assertEquals(List.of(), identifiers(region, filter(null, "l_", null, null, null)), "LIKE characters are literal");
        assertEquals(List.of("r.admin1"), identifiers(region, filter(null, null, null, Profile.REGION_ADMIN, null)));
        assertEquals(List.of("j.blanc1", "m.colin1", "p.petit1"), identifiers(moreau(), filter(null, null, null, Profile.TEACHER, AccountStatus.ACTIVE)));
        assertEquals(List.of("c.durand1", "m.durand1"), identifiers(moreau(), filter("durand", null, null, null, null)),
                "the collège's Émile Durand is not the lycée's");
        assertEquals(List.of(), identifiers(moreau(), filter(null, null, "3e A", null, null)), "another school's class");
        assertEquals(List.of(), identifiers(petit(), filter(null, null, "2nde A", null, null)), "another class");
    }

    @Test
    void orders() {
        AdminScope scope = petit();
        assertEquals(List.of("s.bernard1", "t.bernard1", "r.caron1", "h.lefebvre1", "l.martin1", "n.vidal1", "t.vidal1"),
                identifiers(scope, NONE, DirectorySort.NAME, false), "last name, first name (Sophie before Théo)");
        assertEquals(List.of("t.vidal1", "n.vidal1", "l.martin1", "h.lefebvre1", "r.caron1", "t.bernard1", "s.bernard1"),
                identifiers(scope, NONE, DirectorySort.NAME, true));
        List<String> byProfile = identifiers(scope, NONE, DirectorySort.PROFILE, false);
        assertEquals("s.bernard1", byProfile.get(0), "LEGAL_REPRESENTATIVE before PUPIL");
        assertEquals(7, identifiers(scope, NONE, DirectorySort.STATUS, true).size());
    }
}
