package org.opportune.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** "Today" for the opportunities module while the demo writes its history, day by day. */
final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(LocalDate today) {
        set(today);
    }

    void set(LocalDate today) {
        now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
