package io.tidings.consent;

import io.tidings.preference.Channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The canonical byte form of a consent record's content, which its hash is computed over.
 *
 * <p>Format {@value #FORMAT}: a sequence of fields, each written as a 4-byte big-endian length
 * followed by that many bytes of UTF-8 text; an absent value is written as length -1 (FF FF FF FF)
 * with no bytes, so absent and empty differ. The fields, always all of them and in this order:
 * <ol>
 *   <li>the format name {@value #FORMAT}</li>
 *   <li>customer id, lowercase canonical UUID text</li>
 *   <li>sequence, decimal</li>
 *   <li>purpose, status, basis: enum constant names (e.g. {@code SERVICE_COMMUNICATIONS})</li>
 *   <li>scope: {@code *} for every channel, else channel names in declaration order joined by {@code ,}</li>
 *   <li>capturedAt, effectiveFrom, effectiveTo: {@code <epoch seconds>.<9-digit nanoseconds>}</li>
 *   <li>source: enum constant name</li>
 *   <li>evidence noticeVersion</li>
 *   <li>the personal-evidence digest (below), lowercase hex</li>
 *   <li>previous record's hash, lowercase hex</li>
 * </ol>
 * The personal-evidence digest is SHA-256 over the same field framing of: the name
 * {@value #EVIDENCE_FORMAT}, then agentId, ticketId, ipAddress, userAgent, note. The record hash
 * covers personal data only through this digest, so erasure can delete the personal evidence,
 * keep its digest, and leave every hash of the ledger verifying; while the evidence is held, the
 * digest is recomputed from it, so editing it is still detected.
 *
 * <p>Nothing depends on locale, default charset, map ordering or the JVM: the same record always
 * encodes to the same bytes. Changing this format means a new format name.
 */
public final class ConsentEncoding {

    /** Name and version of the encoding, written first so the format can evolve. */
    public static final String FORMAT = "tidings-consent-v2";
    /** Name and version of the personal-evidence encoding, written first in its digest's input. */
    public static final String EVIDENCE_FORMAT = "tidings-evidence-v1";

    private ConsentEncoding() {
    }

    /** The canonical bytes of a record's content, linked to the previous record's hash. */
    public static byte[] encode(UUID customerId, long sequence, ConsentStatement statement, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, customerId.toString());
        field(out, Long.toString(sequence));
        field(out, statement.purpose().name());
        field(out, statement.status().name());
        field(out, statement.basis().name());
        field(out, scope(statement.scope()));
        field(out, instant(statement.capturedAt()));
        field(out, instant(statement.effectiveFrom()));
        field(out, instant(statement.effectiveTo()));
        field(out, statement.source().name());
        field(out, statement.evidence().noticeVersion());
        field(out, statement.evidence().personalDigest());
        field(out, previousHash);
        return out.toByteArray();
    }

    /** SHA-256 (lowercase hex) of the evidence's personal parts in the {@value #EVIDENCE_FORMAT} framing. */
    static String personalEvidenceDigest(Evidence evidence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        field(out, EVIDENCE_FORMAT);
        field(out, evidence.agentId());
        field(out, evidence.ticketId());
        field(out, evidence.ipAddress());
        field(out, evidence.userAgent());
        field(out, evidence.note());
        return sha256Hex(out.toByteArray());
    }

    /** SHA-256 of the bytes, lowercase hex. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static String scope(ChannelScope scope) {
        if (scope.allChannels()) {
            return "*";
        }
        StringBuilder names = new StringBuilder();
        for (Channel channel : Channel.ALL) {
            if (scope.channels().contains(channel)) {
                if (!names.isEmpty()) {
                    names.append(',');
                }
                names.append(channel.name());
            }
        }
        return names.toString();
    }

    private static String instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        String nanos = Integer.toString(instant.getNano());
        return instant.getEpochSecond() + "." + "0".repeat(9 - nanos.length()) + nanos;
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeLength(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeLength(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }
}
