package io.tidings.consent;

import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentChainTest {

    private static final UUID CUSTOMER = UUID.fromString("6f1c2a9e-4b7d-4e21-9a43-0c5d8e7f1b20");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static ConsentStatement statement(ConsentStatus status, Instant at, String note) {
        return new ConsentStatement(ConsentPurpose.MARKETING, status, ConsentBasis.EXPLICIT, ChannelScope.of(Channel.EMAIL),
                at, at, null, ConsentSource.PREFERENCE_CENTRE,
                new Evidence(null, "T-1", "203.0.113.7", "Mozilla/5.0", "privacy-2026-01", note));
    }

    private static ConsentChain threeRecords() {
        return ConsentChain.empty(CUSTOMER)
                .append(statement(ConsentStatus.GRANTED, T0, "signed up"))
                .append(statement(ConsentStatus.REVOKED, T0.plusSeconds(3_600), "unsubscribed"))
                .append(statement(ConsentStatus.GRANTED, T0.plusSeconds(7_200), "re-subscribed"));
    }

    @Test
    void appendingLinksEachRecordToThePreviousOne() {
        List<ConsentRecord> records = threeRecords().records();

        assertThat(records).extracting(ConsentRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).previousHash()).isEqualTo(ConsentChain.GENESIS_HASH);
        assertThat(records.get(1).previousHash()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).previousHash()).isEqualTo(records.get(1).hash());
        assertThat(records).extracting(ConsentRecord::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(threeRecords().verify()).isEqualTo(ChainVerification.intact(3));
    }

    @Test
    void hashFollowsTheDocumentedEncoding() {
        // Pinned: computed independently in Python from the format described in ConsentEncoding:
        //   def field(v): return struct.pack('>i', -1) if v is None else struct.pack('>i', len(b := v.encode())) + b
        //   personal = sha256(b''.join(map(field, ["tidings-evidence-v1", None, "T-1", "203.0.113.7",
        //                                          "Mozilla/5.0", "signed up"]))).hexdigest()
        //   t0 = "1767603600.000000000"   # 2026-01-05T09:00:00Z
        //   sha256(b''.join(map(field, ["tidings-consent-v2", "6f1c2a9e-4b7d-4e21-9a43-0c5d8e7f1b20", "1",
        //       "MARKETING", "GRANTED", "EXPLICIT", "EMAIL", t0, t0, None, "PREFERENCE_CENTRE",
        //       "privacy-2026-01", personal, "0" * 64]))).hexdigest()
        // If this changes, every stored ledger would fail verification.
        ConsentRecord first = threeRecords().records().get(0);

        assertThat(first.statement().evidence().personalDigest())
                .isEqualTo("50618c53d910036992935ed26c5ce7f43a31736da618e6f54e88b8bc4682c53b");
        assertThat(first.hash()).isEqualTo("9092a512e9814b6fad9655dbf55dd8d0f9705b6907c308cfe4d2b69b87cd3c6f");
    }

    @Test
    void erasingPersonalEvidenceKeepsTheChainVerifying() {
        List<ConsentRecord> erased = threeRecords().records().stream().map(ConsentRecord::erased).toList();

        assertThat(ConsentChain.of(CUSTOMER, erased).verify()).isEqualTo(ChainVerification.intact(3));
        Evidence evidence = erased.get(0).statement().evidence();
        assertThat(evidence.isErased()).isTrue();
        assertThat(evidence.ipAddress()).isNull();
        assertThat(evidence.userAgent()).isNull();
        assertThat(evidence.ticketId()).isNull();
        assertThat(evidence.note()).isNull();
        assertThat(evidence.noticeVersion()).as("not personal, kept").isEqualTo("privacy-2026-01");
        assertThat(evidence.toString()).doesNotContain("203.0.113.7");
    }

    @Test
    void replacingAnErasedDigestIsDetected() {
        List<ConsentRecord> records = new ArrayList<>(threeRecords().records().stream().map(ConsentRecord::erased).toList());
        ConsentRecord middle = records.get(1);
        ConsentStatement s = middle.statement();
        Evidence forged = new Evidence(null, null, null, null, s.evidence().noticeVersion(), null, "ab".repeat(32));
        records.set(1, new ConsentRecord(CUSTOMER, 2, new ConsentStatement(s.purpose(), s.status(), s.basis(),
                s.scope(), s.capturedAt(), s.effectiveFrom(), s.effectiveTo(), s.source(), forged),
                middle.previousHash(), middle.hash()));

        assertThat(ConsentChain.of(CUSTOMER, records).verify().breakKind()).isEqualTo(ChainBreak.CONTENT_HASH_MISMATCH);
    }

    @Test
    void encodingDistinguishesAbsentFromEmptyAndIsLengthPrefixed() {
        ConsentStatement absent = statement(ConsentStatus.GRANTED, T0, null);
        ConsentStatement empty = statement(ConsentStatus.GRANTED, T0, "");

        byte[] encoded = ConsentEncoding.encode(CUSTOMER, 1, absent, ConsentChain.GENESIS_HASH);

        assertThat(encoded).isNotEqualTo(ConsentEncoding.encode(CUSTOMER, 1, empty, ConsentChain.GENESIS_HASH));
        assertThat(new String(encoded, 4, ConsentEncoding.FORMAT.length(), StandardCharsets.UTF_8))
                .isEqualTo(ConsentEncoding.FORMAT);
        assertThat(encoded[3]).isEqualTo((byte) ConsentEncoding.FORMAT.length());
        // Shifting text between two fields must change the bytes.
        ConsentStatement a = new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ConsentBasis.EXPLICIT,
                ChannelScope.all(), T0, T0, null, ConsentSource.AGENT, new Evidence("ab", "c", null, null, null, null));
        ConsentStatement b = new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ConsentBasis.EXPLICIT,
                ChannelScope.all(), T0, T0, null, ConsentSource.AGENT, new Evidence("a", "bc", null, null, null, null));
        assertThat(ConsentEncoding.encode(CUSTOMER, 1, a, ConsentChain.GENESIS_HASH))
                .isNotEqualTo(ConsentEncoding.encode(CUSTOMER, 1, b, ConsentChain.GENESIS_HASH));
    }

    @Test
    void editingAFieldOfAMiddleRecordNamesThatRecord() {
        List<ConsentRecord> records = new ArrayList<>(threeRecords().records());
        ConsentRecord middle = records.get(1);
        ConsentStatement s = middle.statement();
        ConsentStatement edited = new ConsentStatement(s.purpose(), ConsentStatus.GRANTED, s.basis(), s.scope(),
                s.capturedAt(), s.effectiveFrom(), s.effectiveTo(), s.source(), s.evidence());
        records.set(1, new ConsentRecord(CUSTOMER, 2, edited, middle.previousHash(), middle.hash()));

        ChainVerification result = ConsentChain.of(CUSTOMER, records).verify();

        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenSequence()).isEqualTo(2);
        assertThat(result.breakKind()).isEqualTo(ChainBreak.CONTENT_HASH_MISMATCH);
        assertThat(result.detail()).contains("record 2");
    }

    @Test
    void editingEvidenceIsDetectedToo() {
        List<ConsentRecord> records = new ArrayList<>(threeRecords().records());
        ConsentRecord middle = records.get(1);
        ConsentStatement s = middle.statement();
        Evidence forged = new Evidence("agent-7", s.evidence().ticketId(), s.evidence().ipAddress(),
                s.evidence().userAgent(), s.evidence().noticeVersion(), s.evidence().note());
        records.set(1, new ConsentRecord(CUSTOMER, 2, new ConsentStatement(s.purpose(), s.status(), s.basis(),
                s.scope(), s.capturedAt(), s.effectiveFrom(), s.effectiveTo(), s.source(), forged),
                middle.previousHash(), middle.hash()));

        assertThat(ConsentChain.of(CUSTOMER, records).verify().brokenSequence()).isEqualTo(2);
    }

    @Test
    void reHashingAnEditedRecordBreaksTheNextLink() {
        List<ConsentRecord> records = new ArrayList<>(threeRecords().records());
        ConsentRecord middle = records.get(1);
        ConsentStatement granted = statement(ConsentStatus.GRANTED, T0.plusSeconds(3_600), "unsubscribed");
        records.set(1, new ConsentRecord(CUSTOMER, 2, granted, middle.previousHash(),
                ConsentChain.hashOf(CUSTOMER, 2, granted, middle.previousHash())));

        ChainVerification result = ConsentChain.of(CUSTOMER, records).verify();

        assertThat(result.brokenSequence()).isEqualTo(3);
        assertThat(result.breakKind()).isEqualTo(ChainBreak.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void removingARecordShowsAsASequenceGap() {
        List<ConsentRecord> records = new ArrayList<>(threeRecords().records());
        records.remove(1);

        ChainVerification result = ConsentChain.of(CUSTOMER, records).verify();

        assertThat(result.brokenSequence()).isEqualTo(3);
        assertThat(result.breakKind()).isEqualTo(ChainBreak.SEQUENCE_GAP);
        assertThat(result.recordsChecked()).isEqualTo(2);
    }

    @Test
    void anotherCustomersRecordIsRejected() {
        ConsentChain other = ConsentChain.empty(UUID.randomUUID()).append(statement(ConsentStatus.GRANTED, T0, "x"));

        ChainVerification result = ConsentChain.of(CUSTOMER, other.records()).verify();

        assertThat(result.breakKind()).isEqualTo(ChainBreak.FOREIGN_CUSTOMER);
        assertThat(result.brokenSequence()).isEqualTo(1);
    }
}
