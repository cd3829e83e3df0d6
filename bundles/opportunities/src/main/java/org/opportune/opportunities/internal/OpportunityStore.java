package org.opportune.opportunities.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.opportune.api.opportunity.OpportunityStatus;

import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.NumberSeries;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.SharedTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's tables on the shared DataSource: one persistence unit for the opportunity service
 * and the usage checks, which stay registered as long as the tables can be read, whatever other
 * modules are running. Its transactions are shared ({@link SharedTransactions}): a move participant of another
 * module writes on the move's connection, so its work commits and rolls back with the move.
 */
@Component(service = OpportunityStore.class)
public class OpportunityStore {
    private final JpaUnit jpa;
    private final NumberSeries numberSeries;
    private final MoveStatements moves;
    private final boolean derby;

    @Activate
    public OpportunityStore(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference SharedTransactions sharing) {
        this.numberSeries = new NumberSeries(dataSource);
        this.jpa = new JpaUnit("opportune-opportunities", dataSource, OpportunityStore.class.getClassLoader(),
                migrations, sharing);
        String product = productName(dataSource);
        this.moves = new MoveStatements(product);
        this.derby = product.toLowerCase(Locale.ROOT).contains("derby");
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the opportunities are kept in", e);
        }
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    public JpaUnit jpa() {
        return jpa;
    }

    /** A move's statements, to run in {@link JpaUnit#inJdbcTransaction}. */
    MoveStatements moves() {
        return moves;
    }

    /** Whether the tables are in Derby; else in PostgreSQL (see {@link MoveStatements}). */
    boolean derby() {
        return derby;
    }

    /** @return the stage figures' rows, counted afresh (see {@link StageFigures#recount}) */
    long recountStageFigures() {
        return jpa.inJdbcTransaction(connection -> StageFigures.recount(connection, derby));
    }

    NumberSeries numberSeries() {
        return numberSeries;
    }

    /** Open opportunities (not started or in progress) of a salesperson. */
    public long openOpportunitiesOfSalesperson(String code) {
        return count("SELECT COUNT(o) FROM OpportunityEntity o WHERE o.salespersonCode = :key AND o.closed = FALSE",
                code);
    }

    /** Open opportunities of a contact, and for a company also those of its persons. */
    public long openOpportunitiesOfContact(String no) {
        // two index-friendly counts instead of an OR; the second leaves out what the first counted
        return count("SELECT COUNT(o) FROM OpportunityEntity o WHERE o.contactCompanyNo = :key AND o.closed = FALSE",
                no)
                + count("SELECT COUNT(o) FROM OpportunityEntity o WHERE o.contactNo = :key AND o.closed = FALSE"
                        + " AND (o.contactCompanyNo IS NULL OR o.contactCompanyNo <> :key)", no);
    }

    public long openOpportunitiesOfCycle(String code) {
        return count("SELECT COUNT(o) FROM OpportunityEntity o WHERE o.salesCycleCode = :key AND o.closed = FALSE",
                code);
    }

    /** Open opportunities whose active entry is at the stage. */
    public long openOpportunitiesAtStage(String cycleCode, int stage) {
        // in progress = started and not closed; the status is in the cycle-figures index, "closed" is not
        return jpa.read(em -> em.createQuery("SELECT COUNT(o) FROM OpportunityEntity o WHERE o.salesCycleCode = :cycle"
                + " AND o.status = :inProgress AND o.currentStage = :stage", Long.class)
                .setParameter("cycle", cycleCode).setParameter("inProgress", OpportunityStatus.IN_PROGRESS)
                .setParameter("stage", stage).getSingleResult());
    }

    /** Entries (closing entries) that name the close code. */
    public long entriesWithCloseCode(String code) {
        return count("SELECT COUNT(e) FROM OpportunityEntryEntity e WHERE e.closeCode = :key", code);
    }

    private long count(String query, String key) {
        return jpa.read(em -> em.createQuery(query, Long.class).setParameter("key", key).getSingleResult());
    }
}
