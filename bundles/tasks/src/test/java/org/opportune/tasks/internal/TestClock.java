package org.opportune.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock whose day the test sets. */
class TestClock extends Clock {
    private volatile LocalDate today;

    TestClock(LocalDate today) {
        this.today = today;
    }

    void set(LocalDate day) {
        today = day;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
