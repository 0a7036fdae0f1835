package io.tidings.preference;

import io.tidings.api.model.ChannelChoice;
import io.tidings.api.model.CollapseWindowSetting;
import io.tidings.api.model.FrequencyCapSetting;
import io.tidings.api.model.PreferencesInput;
import io.tidings.api.model.PreferencesPatch;
import io.tidings.api.model.QuietHoursSetting;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What preference persistence must do on every supported database. */
abstract class CustomerPreferencesContract {

    private static final CustomerPreferences.ChangedBy INTEGRATOR = new CustomerPreferences.ChangedBy("crm", null);

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private Database database;
    private CustomerPreferences preferences;
    private UUID customer;

    CustomerPreferencesContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        preferences = new CustomerPreferences(customers, new PreferenceStore(database.jdbi()), clock);
        customer = new Customers(customers, clock).create(CustomerProfile.EMPTY).id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aCustomerWhoChoseNothingHasVersionZeroAndTheDefaults() {
        StoredPreferences stored = preferences.get(customer);

        assertThat(stored).isEqualTo(StoredPreferences.none());
        assertThat(stored.preferences().isOn(Category.PROMOTIONAL, Channel.EMAIL, CategoryPolicies.defaults())).isFalse();
        assertThatThrownBy(() -> preferences.get(UUID.randomUUID())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void everyPartReadsBackExactly() {
        PreferenceSet wanted = PreferenceInputs.read(new PreferencesInput()
                .language("de-DE")
                .choices(List.of(choice(io.tidings.api.model.Category.PROMOTIONAL, io.tidings.api.model.Channel.SMS, true),
                        choice(io.tidings.api.model.Category.SURVEY, io.tidings.api.model.Channel.EMAIL, false)))
                .quietHours(List.of(new QuietHoursSetting().channel(io.tidings.api.model.Channel.SMS).start("21:00").end("08:00")))
                .frequencyCaps(List.of(new FrequencyCapSetting().category(io.tidings.api.model.Category.PROMOTIONAL)
                        .max(3).period("P7D")))
                .collapseWindows(List.of(new CollapseWindowSetting().category(io.tidings.api.model.Category.SERVICE_UPDATE)
                        .window("PT15M"))));

        StoredPreferences stored = preferences.change(customer, current -> wanted, INTEGRATOR);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(preferences.get(customer)).isEqualTo(stored);
        PreferenceSet read = preferences.get(customer).preferences();
        assertThat(read.language()).isEqualTo(Locale.GERMANY);
        assertThat(read.quietHoursFor(Channel.SMS)).isEqualTo(QuietHours.of("21:00", "08:00"));
        assertThat(read.capFor(Category.PROMOTIONAL)).isEqualTo(new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ofDays(7)));
        assertThat(read.isOn(Category.PROMOTIONAL, Channel.SMS, CategoryPolicies.defaults())).isTrue();
    }

    @Test
    void patchesChangeOnlyWhatTheyNameAndEachChangeIsAVersion() {
        preferences.change(customer, current -> PreferenceInputs.read(new PreferencesInput()
                .quietHours(List.of(new QuietHoursSetting().channel(io.tidings.api.model.Channel.SMS).start("21:00").end("08:00")))
                .choices(List.of(choice(io.tidings.api.model.Category.PROMOTIONAL, io.tidings.api.model.Channel.EMAIL, true)))),
                INTEGRATOR);
        clock.advance(Duration.ofMinutes(1));

        StoredPreferences patched = preferences.change(customer, PreferenceInputs.readPatch(new PreferencesPatch()
                .removeQuietHours(List.of(io.tidings.api.model.Channel.SMS))
                .choices(List.of(choice(io.tidings.api.model.Category.SURVEY, io.tidings.api.model.Channel.EMAIL, true)))),
                new CustomerPreferences.ChangedBy("agent kim", "T-77"));
        StoredPreferences unchanged = preferences.change(customer, current -> current, INTEGRATOR);

        assertThat(patched.version()).isEqualTo(2);
        assertThat(unchanged).as("a change that changes nothing makes no version").isEqualTo(patched);
        assertThat(patched.preferences().quietHoursFor(Channel.SMS)).isNull();
        assertThat(patched.preferences().hasChoice(Category.PROMOTIONAL, Channel.EMAIL)).isTrue();
        assertThat(patched.preferences().hasChoice(Category.SURVEY, Channel.EMAIL)).isTrue();
        List<PreferenceChange> history = preferences.history(customer);
        assertThat(history).extracting(PreferenceChange::version).containsExactly(2, 1);
        assertThat(history.getFirst().ticketId()).isEqualTo("T-77");
        assertThat(PreferencesJson.toApi(history.getLast()).getPreferences().getQuietHours()).hasSize(1);
    }

    @Test
    void badInputNamesEachField() {
        assertThatThrownBy(() -> PreferenceInputs.read(new PreferencesInput()
                .language("??")
                .quietHours(List.of(new QuietHoursSetting().channel(io.tidings.api.model.Channel.SMS).start("25:00").end("08:00")))
                .frequencyCaps(List.of(new FrequencyCapSetting().category(io.tidings.api.model.Category.PROMOTIONAL)
                        .max(0).period("a week")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("/language", "/quietHours/0/start", "/frequencyCaps/0/period",
                                "/frequencyCaps/0/max"));
    }

    private static ChannelChoice choice(io.tidings.api.model.Category category, io.tidings.api.model.Channel channel,
                                        boolean enabled) {
        return new ChannelChoice().category(category).channel(channel).enabled(enabled);
    }
}
