package io.tidings.incident;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.Region;
import io.tidings.decision.IncidentState;
import io.tidings.error.ConflictException;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.event.DomainEvent;
import io.tidings.event.DomainEvents;
import io.tidings.event.IncidentUpdated;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declaring, updating and resolving incidents, and whom they affect, on every supported database. */
abstract class IncidentsContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<DomainEvent> published = new ArrayList<>();
    private Database database;
    private CustomerStore customerStore;
    private Customers customers;
    private IncidentStore store;
    private Incidents incidents;

    IncidentsContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        customerStore = new CustomerStore(database.jdbi());
        customers = new Customers(customerStore, clock);
        store = new IncidentStore(database.jdbi());
        incidents = incidentsOf(new ActiveIncidents(store, Duration.ofHours(1)));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aDeclaredIncidentIsStoredWithItsScopeAndFirstUpdateAndPublished() {
        Incident declared = incidents.declare(new NewIncident("Broadband down in Berlin", IncidentKind.UNPLANNED_OUTAGE,
                Severity.MAJOR, new IncidentScope(Set.of("broadband"), Set.of("DE-BE"), Set.of()), null, null,
                "We are looking into it."), "noc");

        assertThat(incidents.get(declared.id())).isEqualTo(declared);
        assertThat(declared.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(declared.startsAt()).as("starts when declared unless told").isEqualTo(clock.instant());
        assertThat(declared.timeline()).containsExactly(
                new IncidentUpdate(IncidentStatus.INVESTIGATING, "We are looking into it.", clock.instant(), "noc"));
        assertThat(published).containsExactly(IncidentUpdated.of(declared));
        assertThat(((IncidentUpdated) published.getFirst()).sequence()).isZero();
    }

    @Test
    void updatesBuildTheTimelineAndResolvingIsFinal() {
        UUID id = declare("Payments degraded", IncidentScope.EVERYONE, null).id();
        clock.advance(Duration.ofMinutes(10));
        incidents.update(id, new StatusUpdate(IncidentStatus.IDENTIFIED, "A bad deploy."), "noc");
        clock.advance(Duration.ofMinutes(20));
        Incident resolved = incidents.update(id, new StatusUpdate(IncidentStatus.RESOLVED, "Rolled back."), "noc");

        assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
        assertThat(incidents.get(id)).isEqualTo(resolved);
        assertThat(resolved.timeline()).extracting(IncidentUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.RESOLVED);
        assertThatThrownBy(() -> incidents.update(id, new StatusUpdate(IncidentStatus.MONITORING, "again?"), "noc"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("resolved");
        assertThat(incidents.get(id).timeline()).as("the refused update wrote nothing").hasSize(3);
        assertThat(published).extracting(event -> ((IncidentUpdated) event).sequence()).containsExactly(0, 1, 2);
        assertThat(((IncidentUpdated) published.getLast()).resolvedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> incidents.update(UUID.randomUUID(), new StatusUpdate(IncidentStatus.MONITORING, "x"), "noc"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listsActiveUpcomingAndResolvedIncidents() {
        Incident active = declare("Mobile data slow", IncidentScope.EVERYONE, null);
        clock.advance(Duration.ofMinutes(1));
        Incident upcoming = declare("Router firmware", IncidentScope.EVERYONE, clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofMinutes(1));
        Incident resolved = declare("DNS blip", IncidentScope.EVERYONE, null);
        incidents.update(resolved.id(), new StatusUpdate(IncidentStatus.RESOLVED, "Fine again."), "noc");

        assertThat(incidents.list(IncidentFilter.ACTIVE, 100)).extracting(Incident::id).containsExactly(active.id());
        assertThat(incidents.list(IncidentFilter.UPCOMING, 100)).extracting(Incident::id).containsExactly(upcoming.id());
        assertThat(incidents.list(IncidentFilter.RESOLVED, 100)).extracting(Incident::id).containsExactly(resolved.id());
        assertThat(incidents.list(IncidentFilter.ALL, 100)).extracting(Incident::id)
                .containsExactly(resolved.id(), upcoming.id(), active.id());
        assertThat(incidents.list(IncidentFilter.ALL, 2)).hasSize(2);

        clock.advance(Duration.ofDays(1));
        assertThat(incidents.list(IncidentFilter.ACTIVE, 100)).extracting(Incident::id)
                .containsExactlyInAnyOrder(active.id(), upcoming.id());
    }

    @Test
    void findsTheIncidentsAffectingACustomerAndCountsThemInTheDatabase() {
        Customer berlinBusiness = customer("DE", "DE-BE", Set.of("broadband"), Set.of("business"));
        Customer californiaMobile = customer("US", "US-CA", Set.of("mobile"), Set.of("consumer"));
        Customer newYorkBroadband = customer("US", "US-NY", Set.of("broadband", "tv"), Set.of("consumer"));
        Customer nowhere = customer(null, null, Set.of("broadband"), Set.of());
        Customer erased = customer("DE", "DE-BE", Set.of("broadband"), Set.of("business"));
        customerStore.inTransaction(handle -> customerStore.erase(handle, erased.id(), clock.instant()));

        Incident broadbandInGermanyOrCalifornia = declare("Broadband DE/CA",
                new IncidentScope(Set.of("broadband"), Set.of("DE", "US-CA"), Set.of()), null);
        Incident unitedStates = declare("US outage", new IncidentScope(Set.of(), Set.of("US"), Set.of()), null);
        Incident consumersOnTv = declare("TV for consumers",
                new IncidentScope(Set.of("tv"), Set.of(), Set.of("consumer")), null);
        Incident everyone = declare("Everything", IncidentScope.EVERYONE, null);
        declare("Tomorrow's maintenance", IncidentScope.EVERYONE, clock.instant().plus(Duration.ofHours(2)));

        assertThat(incidents.affecting(berlinBusiness.id())).extracting(Incident::id)
                .containsExactlyInAnyOrder(broadbandInGermanyOrCalifornia.id(), everyone.id());
        assertThat(incidents.affecting(californiaMobile.id())).extracting(Incident::id)
                .containsExactlyInAnyOrder(unitedStates.id(), everyone.id());
        assertThat(incidents.affecting(newYorkBroadband.id())).extracting(Incident::id)
                .containsExactlyInAnyOrder(unitedStates.id(), consumersOnTv.id(), everyone.id());
        assertThat(incidents.affecting(nowhere.id())).extracting(Incident::id).containsExactly(everyone.id());

        assertThat(incidents.affectedCustomers(broadbandInGermanyOrCalifornia)).isEqualTo(1);
        assertThat(incidents.affectedCustomers(unitedStates)).isEqualTo(2);
        assertThat(incidents.affectedCustomers(consumersOnTv)).isEqualTo(1);
        assertThat(incidents.affectedCustomers(everyone)).as("erased customers are nobody").isEqualTo(4);
        List<Customer> stored = List.of(berlinBusiness, californiaMobile, newYorkBroadband, nowhere);
        for (Incident incident : List.of(broadbandInGermanyOrCalifornia, unitedStates, consumersOnTv, everyone)) {
            assertThat(incidents.affectedCustomers(incident)).as("the database counts as the scope matches: " + incident.title())
                    .isEqualTo(stored.stream().filter(c -> incident.scope().covers(c.profile())).count());
        }
        assertThatThrownBy(() -> incidents.affecting(erased.id())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theMostPressingIncidentLeadsTheStateAndResolvedOnesDropOut() {
        CustomerProfile berlin = customer("DE", "DE-BE", Set.of(), Set.of()).profile();
        ActiveIncidents active = new ActiveIncidents(store, Duration.ofHours(1));
        Incidents here = incidentsOf(active);
        here.declare(new NewIncident("Minor blip", IncidentKind.PARTIAL_DISRUPTION, Severity.MINOR, IncidentScope.EVERYONE,
                null, null, "Slow pages."), "noc");
        Incident critical = here.declare(new NewIncident("Germany offline", IncidentKind.UNPLANNED_OUTAGE,
                Severity.CRITICAL, new IncidentScope(Set.of(), Set.of("DE"), Set.of()), null, null, "Down."), "noc");

        assertThat(active.stateFor(berlin, clock.instant())).isEqualTo(IncidentState.active("Germany offline (and 1 more)"));
        here.update(critical.id(), new StatusUpdate(IncidentStatus.RESOLVED, "Back."), "noc");
        assertThat(active.stateFor(berlin, clock.instant())).isEqualTo(IncidentState.active("Minor blip"));
    }

    @Test
    void anotherReplicasChangesAreSeenOnceTheSnapshotIsRefreshed() {
        CustomerProfile anyone = customer("FR", null, Set.of(), Set.of()).profile();
        ActiveIncidents slow = new ActiveIncidents(store, Duration.ofHours(1));
        ActiveIncidents eager = new ActiveIncidents(store, Duration.ZERO);
        assertThat(slow.stateFor(anyone, clock.instant())).isEqualTo(IncidentState.none());
        assertThat(eager.stateFor(anyone, clock.instant())).isEqualTo(IncidentState.none());

        incidentsOf(new ActiveIncidents(store)).declare(new NewIncident("Elsewhere declared", IncidentKind.UNPLANNED_OUTAGE,
                Severity.MAJOR, IncidentScope.EVERYONE, null, null, "Down."), "noc");

        assertThat(slow.stateFor(anyone, clock.instant())).as("within its refresh interval").isEqualTo(IncidentState.none());
        assertThat(eager.stateFor(anyone, clock.instant())).isEqualTo(IncidentState.active("Elsewhere declared"));
        slow.refresh();
        assertThat(slow.stateFor(anyone, clock.instant())).isEqualTo(IncidentState.active("Elsewhere declared"));
    }

    private Incidents incidentsOf(ActiveIncidents active) {
        return new Incidents(store, customerStore, active, new DomainEvents(List.of((transaction, event) -> published.add(event))),
                clock);
    }

    private Incident declare(String title, IncidentScope scope, Instant startsAt) {
        return incidents.declare(new NewIncident(title, IncidentKind.UNPLANNED_OUTAGE, Severity.MAJOR, scope, startsAt,
                null, "Declared."), "noc");
    }

    private Customer customer(String country, String subdivision, Set<String> services, Set<String> segments) {
        return customers.create(new CustomerProfile(null, null, null, null, null,
                new Region(country, subdivision, null), segments, services));
    }
}
