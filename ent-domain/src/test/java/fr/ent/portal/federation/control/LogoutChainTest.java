package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The front-channel single logout chain: its order, its bounds, what makes it partial, its cookie form. */
class LogoutChainTest {

    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    static SamlSession at(String sp) {
        return new SamlSession("https://" + sp + ".example/metadata", "n-" + sp, SamlMessages.PERSISTENT, "_s" + sp, 42);
    }

    @Test
    void theBrowserVisitsEachProviderInTurnAndTheChainEndsConfirmed() {
        LogoutChain chain = LogoutChain.start(T0, 42, "https://gar.example/metadata", "_req", "relay",
                List.of(at("a"), at("b")));
        assertEquals(at("a"), chain.next(T0).orElseThrow());
        chain = chain.sent("_ra");
        assertTrue(chain.awaits(at("a").spEntityId(), "_ra"));
        assertFalse(chain.awaits(at("b").spEntityId(), "_ra"), "another issuer");
        assertFalse(chain.awaits(at("a").spEntityId(), "_other"), "another InResponseTo");
        chain = chain.answered(true);
        assertEquals(at("b"), chain.next(T0).orElseThrow());
        chain = chain.sent("_rb").answered(true);
        assertEquals(Optional.empty(), chain.next(T0));
        assertFalse(chain.partial());
        assertEquals("_req", chain.initiatorRequestId());
    }

    @Test
    void aWrongOrMissingAnswerOrAWithdrawnProviderGoesOnButMakesItPartial() {
        LogoutChain chain = LogoutChain.start(T0, 42, null, null, null, List.of(at("a"), at("b"), at("c")));
        chain = chain.sent("_ra").answered(false);
        assertEquals(at("b"), chain.next(T0).orElseThrow(), "a wrong answer does not stop the chain");
        chain = chain.skipped();
        assertEquals(at("c"), chain.next(T0).orElseThrow());
        chain = chain.sent("_rc").answered(true);
        assertTrue(chain.next(T0).isEmpty());
        assertTrue(chain.partial());
        assertEquals(2, chain.failures());
        LogoutChain nothingAwaited = LogoutChain.start(T0, 42, null, null, null, List.of(at("a")));
        assertEquals(nothingAwaited, nothingAwaited.answered(false), "an answer nobody waits for changes nothing");
    }

    @Test
    void atMostEightProvidersAndFiveMinutes() {
        List<SamlSession> ten = IntStream.range(0, 10).mapToObj(i -> at("sp" + i)).toList();
        LogoutChain chain = LogoutChain.start(T0, 42, null, null, null, ten);
        assertEquals(LogoutChain.MAX_PROVIDERS, chain.remaining().size());
        assertEquals(List.of(at("sp8"), at("sp9")), LogoutChain.overflow(ten), "the others: by the server");
        assertTrue(chain.next(T0.plusSeconds(299)).isPresent());
        assertTrue(chain.next(T0.plus(LogoutChain.MAX_AGE)).isEmpty(), "too old: it ends");
        assertTrue(chain.partial(), "providers not visited");
    }

    @Test
    void itsCookieFormReadsBackAndAnythingElseIsNothing() {
        LogoutChain chain = LogoutChain.start(T0, 42, "https://gar.example/metadata", "_req", "é?&=.~*:!",
                List.of(at("a"), new SamlSession("https://b.example", "x", SamlMessages.TRANSIENT, null, 42),
                        new SamlSession("https://c.example", "y", "urn:other", "_s", 42))).sent("_ra");
        String encoded = chain.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_~*|!-]+"), "a cookie's plain characters, no dot: " + encoded);
        assertEquals(Optional.of(chain), LogoutChain.decode(encoded));
        LogoutChain fresh = LogoutChain.start(T0, 7, null, null, null, List.of());
        assertEquals(Optional.of(fresh), LogoutChain.decode(fresh.encode()));
        for (String bad : List.of("", "1~2", encoded.replaceFirst("^\\d+", "x"), encoded + "~1")) {
            assertEquals(Optional.empty(), LogoutChain.decode(bad), bad);
        }
    }
}
