package io.tidings.customer;

import io.tidings.api.model.CustomerInput;
import io.tidings.api.model.ExternalRefs;
import io.tidings.api.model.Region;
import io.tidings.error.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CustomerInputsTest {

    @Test
    void readsAndNormalisesACompleteProfile() {
        CustomerInput input = new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId("1001").salesforceContactId("003000000000001AAA")
                        .salesforceIndividualId("0PK000000000001AAA"))
                .email(" amara@example.com ")
                .phone("(201) 555-0123")
                .locale("en_US")
                .timeZone("America/New_York")
                .region(new Region().country("US").subdivision("US-NY").postalCode("10001"))
                .segments(new LinkedHashSet<>(List.of("vip", "consumer")))
                .services(Set.of("broadband"));

        CustomerInputs.Reading reading = CustomerInputs.read(input);

        assertThat(reading.violations()).isEmpty();
        CustomerProfile profile = reading.profile();
        assertThat(profile.email()).isEqualTo("amara@example.com");
        assertThat(profile.phone()).isEqualTo("+12015550123");
        assertThat(profile.locale()).isEqualTo(Locale.US);
        assertThat(profile.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(profile.segments()).containsExactly("consumer", "vip");
        assertThat(profile.externalRefs().salesforceIndividualId()).isEqualTo("0PK000000000001AAA");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments(new CustomerInput().email("not-an-email"), "/email"),
                arguments(new CustomerInput().email("a@b"), "/email"),
                arguments(new CustomerInput().phone("12"), "/phone"),
                arguments(new CustomerInput().phone("+1 201 555 01"), "/phone"),
                arguments(new CustomerInput().phone("2015550123"), "/phone"),
                arguments(new CustomerInput().phone("+4930"), "/phone"),
                arguments(new CustomerInput().locale("not a locale"), "/locale"),
                arguments(new CustomerInput().timeZone("+02:00"), "/timeZone"),
                arguments(new CustomerInput().timeZone("Mars/Olympus"), "/timeZone"),
                arguments(new CustomerInput().region(new Region().country("XX")), "/region/country"),
                arguments(new CustomerInput().region(new Region().country("US").subdivision("DE-BE")), "/region/subdivision"),
                arguments(new CustomerInput().region(new Region().subdivision("US-CA")), "/region/subdivision"),
                arguments(new CustomerInput().region(new Region().country("US").postalCode("10001;drop")), "/region/postalCode"),
                arguments(new CustomerInput().externalRefs(new ExternalRefs().zendeskUserId("abc")), "/externalRefs/zendeskUserId"),
                arguments(new CustomerInput().externalRefs(new ExternalRefs().salesforceContactId("0PK000000000001AAA")),
                        "/externalRefs/salesforceContactId"),
                arguments(new CustomerInput().externalRefs(new ExternalRefs().salesforceIndividualId("0PK0000")),
                        "/externalRefs/salesforceIndividualId"),
                arguments(new CustomerInput().segments(new LinkedHashSet<>(List.of("ok", "Not OK"))), "/segments/1"),
                arguments(new CustomerInput().services(new LinkedHashSet<>(manyTags(51))), "/services"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void rejected(CustomerInput input, String field) {
        CustomerInputs.Reading reading = CustomerInputs.read(input);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.violations()).extracting(FieldViolation::field).containsExactly(field);
    }

    @Test
    void nationalNumbersAreReadInTheCustomersCountry() {
        CustomerInputs.Reading reading = CustomerInputs.read(new CustomerInput()
                .phone("030 1234567").region(new Region().country("DE")));

        assertThat(reading.profile().phone()).isEqualTo("+49301234567");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        CustomerInputs.Reading reading = CustomerInputs.read(new CustomerInput()
                .email("nope").phone("nope").timeZone("nope"));

        assertThat(reading.violations()).extracting(FieldViolation::field).containsExactly("/email", "/phone", "/timeZone");
    }

    @Test
    void readingOntoAStoredProfileKeepsWhatTheInputLeavesOutAndClearsEmptyStrings() {
        CustomerProfile stored = CustomerInputs.read(new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId("1001"))
                .email("old@example.com").phone("+12015550123").timeZone("America/New_York")
                .segments(Set.of("consumer"))).profile();

        CustomerProfile merged = CustomerInputs.readOnto(stored, new CustomerInput()
                .externalRefs(new ExternalRefs().salesforceContactId("003000000000001AAA"))
                .email("new@example.com")
                .phone("")).profile();

        assertThat(merged.email()).isEqualTo("new@example.com");
        assertThat(merged.phone()).isNull();
        assertThat(merged.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(merged.segments()).containsExactly("consumer");
        assertThat(merged.externalRefs().zendeskUserId()).isEqualTo("1001");
        assertThat(merged.externalRefs().salesforceContactId()).isEqualTo("003000000000001AAA");
    }

    private static List<String> manyTags(int count) {
        return Stream.iterate(0, i -> i + 1).limit(count).map(i -> "tag" + i).toList();
    }
}
