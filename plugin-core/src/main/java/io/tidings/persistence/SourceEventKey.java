package io.tidings.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The inbox's deduplication key for a sender's event, held in a {@code uuid} column: SHA-256 over
 * the source and the sender's event id, cut to 128 bits. Sixteen bytes index more cheaply than the
 * two strings they stand for (a shorter key, one comparison).
 * <p>
 * Event ids are random, so such keys land all over the index: each new event dirties a leaf of
 * its own, which the database must then write out (H2 at every commit, PostgreSQL as full-page
 * images and buffer evictions once the index outgrows memory). For an event the sender stamps
 * with its own time, sent unchanged in every redelivery, the key begins with that time instead:
 * its milliseconds in the first 48 bits, then the first 80 bits of the digest. Keys of events
 * arriving one after another then sit side by side at the index's recent end, as UUIDv7 ids do.
 * <p>
 * Two distinct events share a key with a probability of about n²/2¹²⁹ for n events, or n²/2⁸¹ for
 * n stamped in one millisecond: nil in practice, and only a sender holding the signing secret
 * could even try.
 */
public final class SourceEventKey {

    private static final long MILLIS_BITS = 0xFFFF_FFFF_FFFFL;

    private SourceEventKey() {
    }

    /** The key of an event whose sender stamps no time that stays the same across redeliveries. */
    public static UUID of(String source, String sourceEventId) {
        ByteBuffer digest = digest(source, sourceEventId);
        return new UUID(digest.getLong(), digest.getLong());
    }

    /** The key of an event its sender stamped {@code stampedAt}, a time every redelivery repeats. */
    public static UUID of(String source, String sourceEventId, Instant stampedAt) {
        ByteBuffer digest = digest(source, sourceEventId);
        long first = digest.getLong();
        long second = digest.getLong();
        return new UUID((stampedAt.toEpochMilli() & MILLIS_BITS) << 16 | first >>> 48, first << 16 | second >>> 48);
    }

    private static ByteBuffer digest(String source, String sourceEventId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(source.getBytes(StandardCharsets.UTF_8));
        // A separator no source name contains, so that ("ab", "c") and ("a", "bc") differ.
        sha256.update((byte) 0);
        return ByteBuffer.wrap(sha256.digest(sourceEventId.getBytes(StandardCharsets.UTF_8)));
    }
}
