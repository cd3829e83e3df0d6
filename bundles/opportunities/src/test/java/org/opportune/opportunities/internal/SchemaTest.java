package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.testing.ChangelogSchema;

/** The tables carry the indexes the usage checks and the reports count with. */
public class SchemaTest extends OpportunityTestSupport {

    @Test
    public void theOpportunitiesChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-opportunities"));
    }

    private Set<String> indexes(String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getIndexInfo(null, null, table, false, false)) {
                while (rows.next()) {
                    names.add(rows.getString("INDEX_NAME"));
                }
            }
        }
        return names;
    }

    @Test
    public void theTablesAreIndexedForCountsAndReports() throws SQLException {
        assertTrue(indexes("OPPORTUNITY").containsAll(Set.of("OPPORTUNITY_SALESPERSON_FIGURES",
                "OPPORTUNITY_SALESPERSON_NO", "OPPORTUNITY_CONTACT",
                "OPPORTUNITY_COMPANY_FIGURES", "OPPORTUNITY_CYCLE_FIGURES", "OPPORTUNITY_STATUS_VALUE",
                "OPPORTUNITY_CYCLE_ECD", "OPPORTUNITY_STATUS_CREATED", "OPPORTUNITY_CLOSINGS",
                "OPPORTUNITY_CYCLE_SALESPERSON")));
        // and no more: every index is written by every move (the primary key's has a generated name)
        Set<String> entryIndexes = new HashSet<>(indexes("OPPORTUNITY_ENTRY"));
        entryIndexes.removeIf(name -> !name.startsWith("ENTRY_"));
        assertEquals(Set.of("ENTRY_OPPORTUNITY_STAGE", "ENTRY_CYCLE_STAGE_DATE", "ENTRY_CLOSE_CODE",
                "ENTRY_CYCLE_VALID_TO"), entryIndexes);
        // a deletion deletes its opportunity's stale notices by this index
        assertTrue(indexes("OPPORTUNITY_STALE_NOTICE").contains("STALE_NOTICE_OPPORTUNITY"));
    }

    @Test
    public void theDatabaseKeepsAQuoteToOneOpportunity() throws SQLException {
        Opportunity first = started();
        Opportunity second = started();
        service.assignSalesQuote(first.no(), new SalesQuote("SQ1", d("10")), null);
        // a second link written past the service's check, as two racing requests could
        ConflictException e = org.junit.Assert.assertThrows(ConflictException.class, () -> store.jpa().run(em ->
                em.createQuery("UPDATE OpportunityEntity o SET o.salesQuoteNo = 'SQ1' WHERE o.no = :no")
                        .setParameter("no", second.no()).executeUpdate()));
        assertEquals("a record with the same key exists already", e.getMessage());
    }
}
