package io.tidings.dispatch;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.event.DomainEvents;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.Database;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceStore;
import io.tidings.template.MessageTemplates;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The dispatch path wired by hand on a fresh database, as the container wires it. */
final class DispatchFixture implements AutoCloseable {

    final MutableClock clock;
    final Database database;
    final CustomerStore customerStore;
    final NotificationLog log;
    final Outbox outbox;
    final CustomerDecisions decisions;
    final DecidedSends decidedSends;
    final ConsentLedger ledger;
    final CustomerPreferences preferences;
    final UnreachableContactPoints contactPoints;

    DispatchFixture(TestDatabase target, MutableClock clock) {
        this.clock = clock;
        database = target.open();
        customerStore = new CustomerStore(database.jdbi());
        PreferenceStore preferenceStore = new PreferenceStore(database.jdbi());
        ConsentLedgerStore ledgerStore = new ConsentLedgerStore(database.jdbi());
        log = new NotificationLog(database.jdbi());
        outbox = new Outbox(database.jdbi(), clock);
        contactPoints = new UnreachableContactPoints(database.jdbi());
        decisions = new CustomerDecisions(customerStore, preferenceStore, ledgerStore, log, contactPoints,
                new ActiveIncidents(new IncidentStore(database.jdbi())),
                CategoryPolicies.defaults(), clock);
        decidedSends = new DecidedSends(decisions, customerStore, outbox);
        ledger = new ConsentLedger(customerStore, ledgerStore);
        preferences = new CustomerPreferences(customerStore, preferenceStore, clock);
    }

    UUID customer(CustomerProfile profile) {
        return new Customers(customerStore, clock).create(profile).id();
    }

    /** A dispatcher sending on each channel through the given provider. */
    Dispatcher dispatcher(Map<Channel, ChannelProvider> byChannel, DispatchSettings settings, int maxSmsSegments) {
        ChannelProviders providers = providers(byChannel);
        MessageComposer composer = new MessageComposer(new MessageTemplates(Locale.ENGLISH),
                URI.create("https://prefs.example.com/p"), maxSmsSegments);
        return new Dispatcher(outbox, providers, customerStore, composer, settings,
                new Redecisions(decisions, customerStore, outbox, providers, clock), clock);
    }

    /** Delivery reports whose fallback may move messages to the channels of the given providers. */
    DeliveryReports deliveryReports(Map<Channel, ChannelProvider> byChannel) {
        return new DeliveryReports(customerStore, contactPoints, DomainEvents.none(),
                new Redecisions(decisions, customerStore, outbox, providers(byChannel), clock));
    }

    private static ChannelProviders providers(Map<Channel, ChannelProvider> byChannel) {
        Map<Channel, String> configured = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, provider) -> configured.put(channel, provider.id()));
        return new ChannelProviders(List.copyOf(new LinkedHashSet<>(byChannel.values())), configured);
    }

    @Override
    public void close() {
        database.close();
    }
}
