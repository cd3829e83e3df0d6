package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.StageUpdate;

/**
 * Many clients moving one opportunity at once: each move either happens on the state the previous
 * one committed, or is refused (409, 412) — never two active entries, a gap in the history or a
 * lost update.
 */
public class ConcurrentMovesTest extends OpportunityTestSupport {
    private static final int THREADS = 8;
    private static final int MOVES_PER_THREAD = 25;
    private static final List<OpportunityAction> ACTIONS = List.of(OpportunityAction.NEXT, OpportunityAction.PREVIOUS,
            OpportunityAction.UPDATE, OpportunityAction.SKIP, OpportunityAction.JUMP);

    @Test
    public void concurrentMovesKeepTheHistoryConsistent() throws Exception {
        Opportunity opportunity = started();
        String no = opportunity.no();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Void>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            clients.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < MOVES_PER_THREAD; i++) {
                    // days pass while the clients work, so that entries get days open
                    clock.set(JAN_10.plusDays(calls.incrementAndGet() / THREADS));
                    OpportunityAction action = ACTIONS.get(random.nextInt(ACTIONS.size()));
                    // half of the clients say which version they read, like If-Match
                    Long expected = random.nextBoolean() ? service.get(no).version() : null;
                    try {
                        service.move(no, StageUpdate.of(action), expected);
                        succeeded.incrementAndGet();
                    } catch (ConflictException | StaleVersionException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> client : clients) {
            client.get(2, TimeUnit.MINUTES); // rethrows anything but the expected refusals
        }
        pool.shutdown();

        assertEquals(THREADS * MOVES_PER_THREAD, succeeded.get() + refused.get());
        assertTrue("some moves must have happened", succeeded.get() > THREADS);
        List<OpportunityEntry> entries = entries(no);
        assertEquals(1 + succeeded.get(), entries.size());
        assertEquals(1, entries.stream().filter(OpportunityEntry::active).count());
        assertTrue(entries.get(entries.size() - 1).active());
        for (int i = 1; i < entries.size(); i++) {
            OpportunityEntry before = entries.get(i - 1);
            OpportunityEntry after = entries.get(i);
            assertTrue(after.entryNo() > before.entryNo());
            assertEquals("entry " + after.entryNo() + " continues from the stage before",
                    Integer.valueOf(before.stage()), after.previousStage());
            assertTrue(!after.dateOfChange().isBefore(before.dateOfChange()));
            assertEquals("days open of entry " + before.entryNo(),
                    ChronoUnit.DAYS.between(before.dateOfChange(), after.dateOfChange()), before.daysOpen());
            assertEquals(0, after.active() ? after.daysOpen() : 0);
        }
        // the opportunity row carries the last entry's values and counts every move in its version
        Opportunity current = service.get(no);
        OpportunityEntry last = entries.get(entries.size() - 1);
        assertEquals(Integer.valueOf(last.stage()), current.currentStage());
        assertEquals(last.calculatedCurrentValue(), current.calculatedCurrentValue());
        assertEquals(last.estimatedCloseDate(), current.estimatedCloseDate());
        assertEquals(opportunity.version() + succeeded.get(), current.version());
        assertEquals(2 + succeeded.get(), eventAdmin.posted.size());
    }

    @Test
    public void ofMovesFromTheSameVersionOnlyOneSucceeds() throws Exception {
        Opportunity opportunity = started();
        long version = opportunity.version();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Boolean>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            clients.add(pool.submit(() -> {
                start.await();
                try {
                    service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), version);
                    return true;
                } catch (StaleVersionException | ConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> client : clients) {
            successes += client.get(1, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, successes);
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertEquals(2, entries.size());
        assertEquals(2, entries.get(1).stage());
        assertEquals(1, entries.stream().filter(OpportunityEntry::active).count());
    }
}
