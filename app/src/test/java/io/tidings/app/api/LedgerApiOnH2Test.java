package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.ApiKeysApi;
import io.tidings.client.api.ConsentsApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.DecisionsApi;
import io.tidings.client.api.NotificationsApi;
import io.tidings.client.api.PreferencesApi;
import io.tidings.client.api.PrivacyApi;
import io.tidings.client.model.ApiKeyInput;
import io.tidings.client.model.Category;
import io.tidings.client.model.ChainVerification;
import io.tidings.client.model.Channel;
import io.tidings.client.model.ChannelChoice;
import io.tidings.client.model.ChannelDecision;
import io.tidings.client.model.ConsentEvidence;
import io.tidings.client.model.ConsentInput;
import io.tidings.client.model.ConsentPurpose;
import io.tidings.client.model.ConsentRecord;
import io.tidings.client.model.ConsentSource;
import io.tidings.client.model.ConsentStateView;
import io.tidings.client.model.ConsentStatus;
import io.tidings.client.model.CustomerExport;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.DecisionExplanation;
import io.tidings.client.model.EventKind;
import io.tidings.client.model.ExplainRequest;
import io.tidings.client.model.Outcome;
import io.tidings.client.model.Preferences;
import io.tidings.client.model.PreferencesInput;
import io.tidings.client.model.PreferencesPatch;
import io.tidings.client.model.QuietHoursSetting;
import io.tidings.client.model.Role;
import io.tidings.client.model.TrailStepView;
import io.tidings.client.model.WithdrawalInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Preferences, the consent ledger, explain, the notification log, export and erasure, end to end
 * through the generated client against the running server.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:ledger-api" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class LedgerApiOnH2Test {

    /** 23:30 in New York. */
    private static final OffsetDateTime NIGHT = OffsetDateTime.parse("2026-06-10T03:30:00Z");
    /** 09:15 in New York. */
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-06-10T13:15:00Z");

    @Inject
    WebTarget server;

    private ApiClient admin;
    private UUID customer;

    @BeforeEach
    void connect() throws ApiException {
        admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        customer = new CustomersApi(admin).createCustomer(new CustomerInput()
                .phone("+12015550123").email("amara@example.com").timeZone("America/New_York")).getId();
    }

    @Test
    void preferencesAreReplacedPatchedAndVersioned() throws ApiException {
        PreferencesApi preferences = new PreferencesApi(admin);
        assertThat(preferences.getPreferences(customer).getVersion()).isZero();

        Preferences replaced = preferences.replacePreferences(customer, new PreferencesInput()
                .quietHours(List.of(new QuietHoursSetting().channel(Channel.SMS).start("21:00").end("08:00")))
                .choices(List.of(new ChannelChoice().category(Category.PROMOTIONAL).channel(Channel.EMAIL).enabled(true))));
        Preferences patched = preferences.updatePreferences(customer, new PreferencesPatch()
                .removeQuietHours(List.of(Channel.SMS)).ticketId("T-1"));

        assertThat(replaced.getVersion()).isEqualTo(1);
        assertThat(patched.getVersion()).isEqualTo(2);
        assertThat(patched.getQuietHours()).isEmpty();
        assertThat(patched.getChoices()).hasSize(1);
        assertThat(preferences.getPreferences(customer)).isEqualTo(patched);
        assertThat(preferences.listPreferenceHistory(customer))
                .extracting(change -> change.getVersion(), change -> change.getPreferences().getQuietHours().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0), org.assertj.core.groups.Tuple.tuple(1, 1));
    }

    @Test
    void consentIsGrantedWithdrawnInOneCallDerivedAndVerified() throws ApiException {
        ConsentsApi consents = new ConsentsApi(admin);

        ConsentRecord granted = consents.recordConsent(customer, new ConsentInput()
                .purpose(ConsentPurpose.MARKETING).status(ConsentStatus.GRANTED).source(ConsentSource.PREFERENCE_CENTRE)
                .evidence(new ConsentEvidence().ipAddress("203.0.113.7").noticeVersion("privacy-2026-06")));
        ConsentRecord withdrawn = consents.withdrawConsent(customer, new WithdrawalInput()
                .purpose(ConsentPurpose.MARKETING).channels(List.of(Channel.SMS)).source(ConsentSource.SMS_KEYWORD));

        assertThat(withdrawn.getSequence()).isEqualTo(2);
        assertThat(withdrawn.getStatus()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(withdrawn.getPreviousHash()).isEqualTo(granted.getHash());
        assertThat(consents.listConsentRecords(customer)).containsExactly(granted, withdrawn);
        assertThat(consents.getCurrentConsent(customer, null).getStates())
                .filteredOn(state -> state.getPurpose() == ConsentPurpose.MARKETING)
                .extracting(ConsentStateView::getChannel, ConsentStateView::getStatus)
                .contains(org.assertj.core.groups.Tuple.tuple(Channel.SMS, ConsentStatus.REVOKED),
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, ConsentStatus.GRANTED));
        ChainVerification verification = consents.verifyCustomerLedger(customer);
        assertThat(verification.getIntact()).isTrue();
        assertThat(verification.getRecordsChecked()).isEqualTo(2);
        assertThat(consents.verifyAllLedgers().getIntact()).isTrue();
    }

    @Test
    void explainShowsWhySmsWaitsUntilMorningAndWritesNothing() throws ApiException {
        new PreferencesApi(admin).replacePreferences(customer, new PreferencesInput()
                .quietHours(List.of(new QuietHoursSetting().channel(Channel.SMS).start("21:00").end("08:00"))));
        DecisionsApi decisions = new DecisionsApi(admin);

        ChannelDecision night = sms(decisions.explainDecision(explain(NIGHT)));
        ChannelDecision morning = sms(decisions.explainDecision(explain(MORNING)));

        assertThat(night.getOutcome()).isEqualTo(Outcome.DEFER);
        assertThat(night.getDeferUntil()).isEqualTo(OffsetDateTime.parse("2026-06-10T12:00:00Z"));
        assertThat(night.getReason()).contains("21:00–08:00").contains("America/New_York");
        assertThat(night.getTrail()).extracting(TrailStepView::getRule).contains("consent", "preference", "quiet-hours");
        assertThat(morning.getOutcome()).isEqualTo(Outcome.SEND);
        assertThat(new NotificationsApi(admin).listNotificationLog(customer, null)).isEmpty();
    }

    @Test
    void exportHoldsEverythingAndErasureKeepsOnlyTheVerifiableProof() throws ApiException {
        ConsentsApi consents = new ConsentsApi(admin);
        consents.recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.PREFERENCE_CENTRE)
                .evidence(new ConsentEvidence().ipAddress("203.0.113.7").userAgent("Mozilla/5.0").note("web form")));
        new PreferencesApi(admin).replacePreferences(customer, new PreferencesInput().language("en-US"));

        CustomerExport export = new PrivacyApi(admin).exportCustomer(customer);
        new CustomersApi(admin).deleteCustomer(customer);

        assertThat(export.getCustomer().getEmail()).isEqualTo("amara@example.com");
        assertThat(export.getConsents()).singleElement()
                .satisfies(record -> assertThat(record.getEvidence().getIpAddress()).isEqualTo("203.0.113.7"));
        assertThat(export.getPreferences().getLanguage()).isEqualTo("en-US");
        assertThat(export.getPreferenceHistory()).hasSize(1);
        assertProblem(() -> new CustomersApi(admin).getCustomer(customer), 404, null);
        assertProblem(() -> new PrivacyApi(admin).exportCustomer(customer), 404, null);
        ConsentRecord proof = consents.listConsentRecords(customer).getFirst();
        assertThat(proof.getEvidence().getErased()).isTrue();
        assertThat(proof.getEvidence().getIpAddress()).isNull();
        assertThat(proof.getEvidence().getNote()).isNull();
        assertThat(proof.getPurpose()).isEqualTo(ConsentPurpose.MARKETING);
        assertThat(proof.getHash()).isEqualTo(export.getConsents().getFirst().getHash());
        assertThat(consents.verifyCustomerLedger(customer).getIntact()).isTrue();
    }

    @Test
    void agentsRecordWhatTheyCapturedOnACallAndNoMore() throws ApiException {
        String agentKey = new ApiKeysApi(admin).createApiKey(new ApiKeyInput().name("agent kim").role(Role.AGENT)).getKey();
        ApiClient agent = TidingsApi.client(server.getUri(), agentKey);
        ConsentsApi consents = new ConsentsApi(agent);

        assertProblem(() -> consents.recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.AGENT)), 422, "/evidence/ticketId");
        ConsentRecord recorded = consents.recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.DENIED).source(ConsentSource.AGENT).evidence(new ConsentEvidence().ticketId("4711")));

        assertThat(recorded.getEvidence().getAgentId()).isEqualTo("agent kim");
        assertThat(recorded.getSequence()).as("the rejected request wrote nothing").isEqualTo(1);
        assertProblem(() -> new PreferencesApi(agent).updatePreferences(customer, new PreferencesPatch().language("de")),
                422, "/ticketId");
        assertThat(new PreferencesApi(agent).updatePreferences(customer,
                new PreferencesPatch().language("de").ticketId("4711")).getVersion()).isEqualTo(1);
        assertThat(new DecisionsApi(agent).explainDecision(explain(MORNING)).getDecisions()).isNotEmpty();
        assertProblem(() -> new ConsentsApi(agent).verifyAllLedgers(), 403, null);
        assertProblem(() -> new PrivacyApi(agent).exportCustomer(customer), 403, null);
    }

    @Test
    void clientMistakesAreProblemsNamingTheFieldAndWriteNothing() throws ApiException {
        PreferencesApi preferences = new PreferencesApi(admin);
        ConsentsApi consents = new ConsentsApi(admin);

        assertProblem(() -> preferences.replacePreferences(customer, new PreferencesInput()
                .quietHours(List.of(new QuietHoursSetting().channel(Channel.SMS).start("25:00").end("08:00")))),
                422, "/quietHours/0/start");
        assertProblem(() -> consents.recordConsent(customer, new ConsentInput().status(ConsentStatus.GRANTED)
                .source(ConsentSource.IMPORT)), 422, "/purpose");
        assertProblem(() -> consents.recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.IMPORT)
                .effectiveFrom(MORNING).effectiveTo(MORNING.minusDays(1))), 422, "/effectiveTo");
        assertProblem(() -> consents.recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.IMPORT)
                .capturedAt(OffsetDateTime.now().plusDays(1))), 422, "/capturedAt");
        assertProblem(() -> new DecisionsApi(admin).explainDecision(new ExplainRequest().customerId(customer)
                .eventKind(EventKind.BILLING_ISSUE)), 422, "/category");
        assertProblem(() -> new DecisionsApi(admin).explainDecision(explain(MORNING).customerId(UUID.randomUUID())),
                404, null);
        assertProblem(() -> consents.recordConsent(UUID.randomUUID(), new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.IMPORT)), 404, null);
        assertProblem(() -> new NotificationsApi(admin).listNotificationLog(customer, 0), 422, "limit");

        assertThat(preferences.getPreferences(customer).getVersion()).isZero();
        assertThat(consents.listConsentRecords(customer)).isEmpty();
    }

    private ExplainRequest explain(OffsetDateTime at) {
        return new ExplainRequest().customerId(customer).eventKind(EventKind.TICKET_STATUS_CHANGED)
                .category(Category.SERVICE_UPDATE).channels(List.of(Channel.SMS, Channel.EMAIL)).at(at);
    }

    private static ChannelDecision sms(DecisionExplanation explanation) {
        return explanation.getDecisions().stream().filter(decision -> decision.getChannel() == Channel.SMS)
                .findFirst().orElseThrow();
    }

    private static void assertProblem(ThrowingCallable call, int status, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(status);
            assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
            if (field != null) {
                assertThat(e.getResponseBody()).contains("\"field\":\"" + field + "\"");
            }
        });
    }
}
