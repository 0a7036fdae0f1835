package io.tidings.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits acceptances that must be durable before their dispatch thread calls a provider again,
 * grouping those of concurrent threads into one transaction (group commit). A thread whose
 * acceptance is waiting when another thread's commit ends takes the next turn and commits every
 * acceptance waiting by then, its own and the others', so each thread still waits for its own to be
 * written, but a database that pays per commit (H2 writes its file on each) pays once per group.
 */
final class AcceptanceCommits {

    private final Outbox outbox;
    private final ReentrantLock turn = new ReentrantLock();
    private List<Waiting> waiting = new ArrayList<>();

    AcceptanceCommits(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Returns once the acceptance is committed; throws what the commit that carried it threw. */
    void commit(AcceptedSend accepted) {
        Waiting mine = new Waiting(accepted);
        synchronized (this) {
            waiting.add(mine);
        }
        turn.lock();
        try {
            if (!mine.done) {
                commitWaiting();
            }
        } finally {
            turn.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Runs under the turn lock: every acceptance waiting now goes into one transaction. */
    private void commitWaiting() {
        List<Waiting> group;
        synchronized (this) {
            group = waiting;
            waiting = new ArrayList<>();
        }
        RuntimeException failure = null;
        try {
            outbox.markAllSent(group.stream().map(w -> w.accepted).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Waiting w : group) {
            w.failure = failure;
            w.done = true;
        }
    }

    /** One thread's acceptance; its fields are written and read under the turn lock. */
    private static final class Waiting {
        private final AcceptedSend accepted;
        private boolean done;
        private RuntimeException failure;

        Waiting(AcceptedSend accepted) {
            this.accepted = accepted;
        }
    }
}
