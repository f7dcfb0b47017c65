package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The records kept in the data grid go there as text and come back equal (compare-and-set compares that text). */
class SharedStoreCodecTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:45:12.345678Z");

    @Test
    void failureRecordsRoundTrip() {
        for (FailureRecord record : new FailureRecord[] {new FailureRecord(1, T0, null),
                new FailureRecord(7, T0, T0.plusSeconds(300))}) {
            String text = FailureRecord.CODEC.encode(record);
            assertEquals(record, FailureRecord.CODEC.decode(text));
            assertEquals(text, FailureRecord.CODEC.encode(FailureRecord.CODEC.decode(text)));
        }
    }

    @Test
    void bucketsRoundTripToTheLastBit() {
        IpRateLimiter.Bucket bucket = new IpRateLimiter.Bucket(29.0 / 3.0, T0);
        String text = IpRateLimiter.Bucket.CODEC.encode(bucket);
        assertEquals(bucket, IpRateLimiter.Bucket.CODEC.decode(text));
        assertEquals(text, IpRateLimiter.Bucket.CODEC.encode(IpRateLimiter.Bucket.CODEC.decode(text)));
    }
}
