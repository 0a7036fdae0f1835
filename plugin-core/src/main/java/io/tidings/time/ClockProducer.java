package io.tidings.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one clock Tidings reads time from, so tests can fix it. */
@ApplicationScoped
class ClockProducer {

    @Produces
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
