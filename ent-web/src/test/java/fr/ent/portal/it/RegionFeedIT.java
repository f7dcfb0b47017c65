package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 25, item 4: the region's nightly AAF feed through the test portal's inbox (a directory of its work dir, looked
 * into every 3 s) and the status page /admin/region/feed. The samples' establishment is rewritten to a test
 * establishment the region creates (the lycée's other imports untouched): a delta before its full file waits; the full
 * feed creates the pupils, representatives and links; the delta changes exactly what it says (1 created, 1 updated, 1
 * enrollment ended); a delta restating the same changes nothing; a bad delta fails, writes nothing, holds the next one
 * back, is shown with its error and mailed to the region.
 */
@ExtendWith(Portal.class)
class RegionFeedIT {

    static final Path AAF = Path.of("..", "docs", "samples", "aaf");
    static final String UAI = AdminRegionIT.validUai(930_026);
    static final String DELTA = "ENT_CRETEIL_Delta_20261206_Eleve_0000.xml";
    static final List<String> FULL = List.of("ENT_CRETEIL_Complet_20261205_EtabEducNat_0000.xml",
            "ENT_CRETEIL_Complet_20261205_PersEducNat_0000.xml", "ENT_CRETEIL_Complet_20261205_Eleve_0000.xml",
            "ENT_CRETEIL_Complet_20261205_PersRelEleve_0000.xml");

    @Test
    void theInboxImportsFullThenDeltaOnceEachAndABadFileIsReportedAndMailed() throws Exception {
        createEstablishment();
        Http region = AdminRegionIT.signedIn("r.admin1", AdminRegionIT.REGION_PASSWORD, "198.51.100.236");
        Path inbox = Portal.aafInbox();

        // a delta before its full file waits (several looks of the timer: still waiting, not taken)
        drop(inbox, DELTA);
        Thread.sleep(8_000);
        String page = region.get("/admin/region/feed").body();
        assertTrue(page.contains("<li data-file=\"" + DELTA + "\""), "listed as waiting: " + page);
        assertTrue(!row(page, DELTA).isPresent(), "not taken");

        // the full feed: taken, then the delta after it (in order, each once)
        for (String name : FULL) {
            drop(inbox, name);
        }
        page = await(region, p -> row(p, DELTA).map(r -> r.contains("data-state=\"IMPORTED\"")).orElse(false));
        String full = row(page, FULL.get(2)).orElseThrow();
        assertTrue(full.contains("data-state=\"IMPORTED\""), full);
        assertTrue(full.contains("9 créé(s), 0 modifié(s), 4 lien(s), 0 inscription(s) terminée(s)"),
                "3 pupils, 3 representatives, 3 staff: " + full);
        assertTrue(row(page, DELTA).orElseThrow()
                .contains("1 créé(s), 1 modifié(s), 0 lien(s), 1 inscription(s) terminée(s)"), page);

        // a delta restating what is already there changes nothing
        String same = "ENT_CRETEIL_Delta_20261207_Eleve_0000.xml";
        Files.writeString(inbox.resolve(same), Files.readString(AAF.resolve(DELTA))
                .replaceAll("(?s)<deleteRequest>.*?</deleteRequest>", ""), StandardCharsets.UTF_8);
        page = await(region, p -> row(p, same).map(r -> r.contains("data-state=\"IMPORTED\"")).orElse(false));
        assertTrue(row(page, same).orElseThrow()
                .contains("0 créé(s), 0 modifié(s), 0 lien(s), 0 inscription(s) terminée(s)"), page);

        // a bad delta (deletes someone absent): failed, nothing written, the next one waits, the region is mailed
        int mailsBefore = Mailbox.to(Portal.REGION_FEED_EMAIL, "flux AAF").size();
        String bad = "ENT_CRETEIL_Delta_20261208_Eleve_0000.xml";
        Files.writeString(inbox.resolve(bad), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n"
                + "<deleteRequest><identifier><id>AAF-E-999999</id></identifier></deleteRequest>\n</ficAlimMENESR>\n",
                StandardCharsets.UTF_8);
        String next = "ENT_CRETEIL_Delta_20261209_Eleve_0000.xml";
        Files.writeString(inbox.resolve(next), Files.readString(inbox.resolve(same)), StandardCharsets.UTF_8);
        page = await(region, p -> row(p, bad).map(r -> r.contains("data-state=\"FAILED\"")).orElse(false));
        String failed = row(page, bad).orElseThrow();
        assertTrue(failed.contains("data-key=\"admin.import.row.aaf_absent\"") && failed.contains("AAF-E-999999"), failed);
        assertTrue(page.contains("<li data-file=\"" + next + "\""), "the next delta waits: " + page);
        assertTrue(!row(page, next).isPresent());
        MimeMessage mail = Mailbox.await(Portal.REGION_FEED_EMAIL, "flux AAF", mailsBefore);
        String body = Mailbox.body(mail);
        assertTrue(body.contains(bad) && body.contains("/admin/region/feed"), body);
        assertEquals(1, Mailbox.to(Portal.REGION_FEED_EMAIL, "flux AAF").size() - mailsBefore, "one mail per failure");
    }

    private static void drop(Path inbox, String sample) throws Exception {
        String xml = Files.readString(AAF.resolve(sample)).replace("0771763Y", UAI);
        Path part = inbox.resolve(sample + ".part");
        Files.writeString(part, xml, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(sample), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The row of the files table for {@code name}. */
    static java.util.Optional<String> row(String page, String name) {
        Matcher m = Pattern.compile("(?s)<tr data-file=\"" + Pattern.quote(name) + "\".*?</tr>").matcher(page);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    private static String await(Http region, Predicate<String> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String page = "";
        while (Instant.now().isBefore(deadline)) {
            page = region.get("/admin/region/feed").body();
            if (done.test(page)) {
                return page;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the inbox did not get there within 120 s: " + page);
    }

    private static void createEstablishment() {
        Http region = AdminRegionIT.signedIn("r.admin1", AdminRegionIT.REGION_PASSWORD, "198.51.100.235");
        java.util.Map<String, String> form = AdminRegionIT.form(region.get("/admin/region/establishments").body(),
                "establishment", "establishment:save");
        form.put("establishment:uai", UAI);
        form.put("establishment:name", "Lycée AAF Test");
        form.put("establishment:kind", "LYCEE");
        form.put("establishment:academie", "Créteil");
        form.put("establishment:city", "Melun");
        form.put("establishment:contactEmail", "ce." + UAI.toLowerCase() + "@ac-creteil.fr");
        form.put("establishment:contactPhone", "01 60 00 00 03");
        assertEquals(302, region.post("/admin/region/establishments", form).statusCode());
    }
}
