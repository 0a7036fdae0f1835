package io.tidings.benchmarks;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.decision.EventKind;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.ChannelProviders;
import io.tidings.dispatch.DispatchSettings;
import io.tidings.dispatch.Dispatcher;
import io.tidings.dispatch.MessageComposer;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxEntry;
import io.tidings.dispatch.Redecisions;
import io.tidings.dispatch.RetrySchedule;
import io.tidings.dispatch.SendResult;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentStore;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.Database;
import io.tidings.persistence.DatabaseSettings;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.PreferenceStore;
import io.tidings.template.MessageTemplates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sends per second through the real outbox on H2: each measured call runs {@code threads} dispatch
 * threads, as the dispatch worker does with {@code tidings.dispatch.threads}, each draining the
 * outbox batch by batch ({@link Dispatcher#drain()}: claim a batch in one transaction, compose each
 * send from its template for its customer, hand it to a provider that accepts at once, commit the
 * outcomes) until {@value #SENDS} queued sends are done. They are queued before each call, outside
 * the measurement. {@code database=file} is the embedded
 * default (an H2 file with {@code WRITE_DELAY=0}, each commit written at once); {@code mem} shows
 * what the disk costs. {@code detectsDuplicates=true} is a provider like SendGrid that drops a
 * repeated idempotency key (its acceptances are committed once per batch); {@code false} one like
 * Twilio Messages, whose every acceptance is committed before the next call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBenchmark {

    /** The default {@code tidings.dispatch.batch-size}. */
    private static final int BATCH = 50;
    /** Sends per measured call: several batches, so that every thread has some. */
    private static final int SENDS = BATCH * 8;
    private static final int CUSTOMERS = 1_000;

    @Param({"file", "mem"})
    public String database;

    @Param({"true", "false"})
    public boolean detectsDuplicates;

    /** {@code tidings.dispatch.threads}. */
    @Param({"1", "2", "4"})
    public int threads;

    private Path directory;
    private Database db;
    private Outbox outbox;
    private Dispatcher dispatcher;
    private List<Customer> customers;
    private ExecutorService dispatchThreads;
    private final AtomicLong queued = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    @Setup(Level.Trial)
    public void openDatabase() throws IOException {
        String url;
        if (database.equals("file")) {
            directory = Files.createTempDirectory("tidings-dispatch-benchmark");
            url = "jdbc:h2:file:" + directory.resolve("tidings") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=1000";
        } else {
            url = "jdbc:h2:mem:dispatch-benchmark;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        db = Database.open(new DatabaseSettings(url, "sa", "", 10));
        CustomerStore customerStore = new CustomerStore(db.jdbi());
        customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(new Customer(UuidV7.next(clock), new CustomerProfile(null, "customer" + i + "@example.com",
                    "+1201555%04d".formatted(i), Locale.ENGLISH, null, null, null, null), clock.instant(), clock.instant()));
        }
        customerStore.inTransaction(handle -> {
            customerStore.insert(handle, customers);
            return null;
        });
        outbox = new Outbox(db.jdbi(), clock);
        ChannelProvider provider = new AcceptingProvider(detectsDuplicates);
        ChannelProviders providers = new ChannelProviders(List.of(provider),
                Map.of(Channel.SMS, provider.id(), Channel.EMAIL, provider.id()));
        CustomerDecisions decisions = new CustomerDecisions(customerStore, new PreferenceStore(db.jdbi()),
                new ConsentLedgerStore(db.jdbi()), new NotificationLog(db.jdbi()), new UnreachableContactPoints(db.jdbi()),
                new ActiveIncidents(new IncidentStore(db.jdbi())),
                CategoryPolicies.defaults(), clock);
        dispatcher = new Dispatcher(outbox, providers, customerStore,
                new MessageComposer(new MessageTemplates(Locale.ENGLISH), URI.create("https://prefs.example.com/p"), 4),
                new DispatchSettings(BATCH, Duration.ofMinutes(2),
                        new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 10), 5, Duration.ofSeconds(30),
                        Map.of(), Duration.ofMinutes(1)),
                new Redecisions(decisions, customerStore, outbox, providers, clock), clock);
        dispatchThreads = Executors.newFixedThreadPool(threads);
    }

    /** Queues the sends the next measured call dispatches. */
    @Setup(Level.Invocation)
    public void queueSends() {
        db.jdbi().useTransaction(handle -> {
            for (int i = 0; i < SENDS; i++) {
                long n = queued.getAndIncrement();
                Customer customer = customers.get((int) (n % CUSTOMERS));
                outbox.enqueue(handle, new OutboxEntry(UuidV7.next(clock), null, customer.id(),
                        EventKind.TICKET_STATUS_CHANGED, Category.TRANSACTIONAL, n % 2 == 0 ? Channel.SMS : Channel.EMAIL,
                        Map.of("ticketId", Long.toString(n), "status", "solved"), "benchmark:" + n, clock.instant()));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(SENDS)
    public int dispatchQueued() throws InterruptedException, ExecutionException {
        List<Future<Integer>> drains = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            drains.add(dispatchThreads.submit(dispatcher::drain));
        }
        int claimed = 0;
        for (Future<Integer> drain : drains) {
            claimed += drain.get();
        }
        if (claimed != SENDS) {
            throw new IllegalStateException("claimed " + claimed + " sends, not the " + SENDS + " queued");
        }
        return claimed;
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws IOException {
        dispatchThreads.shutdownNow();
        db.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(DispatchBenchmark::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider that accepts every message at once. */
    private static final class AcceptingProvider implements ChannelProvider {

        private final AtomicLong accepted = new AtomicLong();
        private final boolean detectsDuplicates;

        AcceptingProvider(boolean detectsDuplicates) {
            this.detectsDuplicates = detectsDuplicates;
        }

        @Override
        public String id() {
            return "accepting";
        }

        @Override
        public Set<Channel> channels() {
            return Set.of(Channel.SMS, Channel.EMAIL);
        }

        @Override
        public boolean detectsDuplicates() {
            return detectsDuplicates;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            return new SendResult.Accepted("accepted-" + accepted.incrementAndGet());
        }
    }
}
