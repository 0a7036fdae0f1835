package io.tidings.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The inbox's deduplication key for a sender's event: the first 128 bits of SHA-256 over the
 * source and the sender's event id, held in a {@code uuid} column. Sixteen bytes index more cheaply
 * than the two strings they stand for (a shorter key, one comparison), which matters because event
 * ids are random and every new one lands in a different leaf of the index. Two distinct events
 * share a key with a probability of about n²/2¹²⁹ for n events: nil in practice, and only a sender
 * holding the signing secret could even try.
 */
public final class SourceEventKey {

    private SourceEventKey() {
    }

    public static UUID of(String source, String sourceEventId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(source.getBytes(StandardCharsets.UTF_8));
        // A separator no source name contains, so that ("ab", "c") and ("a", "bc") differ.
        sha256.update((byte) 0);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(sourceEventId.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }
}
