package fr.ent.portal.federation.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.ent.portal.federation.entity.FederationKey;

/**
 * When each federation key signs (a rotation with an overlap before use): a key made by a rotation is published at
 * once (SAML metadata, JWKS) but signs only {@code ent.federation.key-publication-delay} later, once every node has
 * re-read the keys and publishes it too; the key before it keeps signing until then, and stays published for
 * {@code ent.federation.key-overlap} after that. At any instant the key that signs is the published key with the
 * latest {@code signsFrom} not after that instant.
 */
public final class KeySchedule {

    private final Clock clock;
    private final Duration publicationDelay;
    private final Duration overlap;

    public KeySchedule(Clock clock, Duration publicationDelay, Duration overlap) {
        this.clock = clock;
        this.publicationDelay = publicationDelay.isNegative() ? Duration.ZERO : publicationDelay;
        this.overlap = overlap;
    }

    /** The key that signs now among {@code keys}; empty when none may sign yet (a first key then signs at once). */
    public Optional<FederationKey> signer(List<FederationKey> keys) {
        Instant now = clock.instant();
        return keys.stream().filter(k -> k.publishedAt(now) && !k.signsFrom().isAfter(now))
                .max(Comparator.comparing(FederationKey::signsFrom).thenComparing(FederationKey::createdAt));
    }

    /** When a key made now by a rotation starts signing. */
    public Instant firstUse() {
        return clock.instant().plus(publicationDelay);
    }

    /**
     * A rotation to {@code fresh} (made with {@link #firstUse}): every key published now stays so until the overlap
     * after {@code fresh} starts signing, and signs until then if it is the one that signs.
     */
    public void rotate(List<FederationKey> published, FederationKey fresh) {
        Instant until = fresh.signsFrom().plus(overlap);
        published.stream().filter(k -> !k.kid().equals(fresh.kid())).forEach(k -> k.retire(until));
    }
}
