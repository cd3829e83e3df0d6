package org.opportune.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;

import org.opportune.api.contact.ContactService;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.ActivityService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Loads the demo data once the modules run, in a thread of its own so that {@code feature:install}
 * returns at once; only into an empty database. While it writes the history it registers its clock
 * as the opportunities module's "today" (the highest ranked one), and takes it away when done.
 * <p>
 * It waits for every service it writes through, and for the tasks module's move participant: the demo's stages
 * name activities, and a move into such a stage is refused while nothing makes its tasks.
 */
@Component(immediate = true)
public class DemoData {
    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());

    private final Thread loading;

    @Activate
    public DemoData(BundleContext context, @Reference SalespersonService salespeople,
            @Reference ContactService contacts, @Reference ActivityService activities,
            @Reference SalesCycleService cycles, @Reference CloseOpportunityCodeService closeCodes,
            @Reference OpportunityService opportunities,
            @Reference(target = "(" + MoveParticipant.NAME_PROPERTY + "=" + MoveParticipant.TASKS + ")")
            MoveParticipant tasks) {
        DemoLoader.Services services = new DemoLoader.Services(salespeople, contacts, activities, cycles, closeCodes,
                opportunities);
        // The demo is the server's own work: on this thread of its own no caller is bound (a binding
        // holds for its thread only and is not inherited, also when feature:install runs in a shell
        // session), so the services see CallerContext.current() = Caller.system() and record every
        // demo record as changed by "system". DemoDataTest checks it.
        loading = new Thread(() -> load(context, services), "opportune-demo");
        loading.setDaemon(true);
        loading.start();
    }

    @Deactivate
    public void stop() throws InterruptedException {
        loading.interrupt();
        loading.join(30_000);
    }

    private static void load(BundleContext context, DemoLoader.Services services) {
        LocalDate today = LocalDate.now();
        SettableClock clock = new SettableClock(today);
        DemoLoader loader = new DemoLoader(services, clock, message -> LOG.log(System.Logger.Level.INFO, message));
        try {
            if (loader.databaseHasData()) {
                LOG.log(System.Logger.Level.INFO, "demo: the database has data already; the demo data is not loaded");
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(OpportunityService.CLOCK_PROPERTY, "demo");
            properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
            ServiceRegistration<Clock> registration = context.registerService(Clock.class, clock, properties);
            try {
                long started = System.nanoTime();
                DemoLoader.Totals totals = loader.load(today);
                LOG.log(System.Logger.Level.INFO, "demo: loaded " + totals.opportunities() + " opportunities with "
                        + totals.moves() + " moves and closings over two years in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            } finally {
                registration.unregister();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "demo: loading the demo data failed", e);
        }
    }
}
