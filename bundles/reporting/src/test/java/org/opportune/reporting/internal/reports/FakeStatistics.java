package org.opportune.reporting.internal.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.ContactStatistics;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.SalespersonStatistics;
import org.opportune.api.statistics.StageActivity;

/**
 * Answers each aggregation with the groups a test gives, in order, and remembers what it was asked; when a test
 * gives no more, an aggregation without keys gets the one group of nothing the service gives.
 */
final class FakeStatistics implements OpportunityStatisticsService {
    final List<Aggregation> asked = new ArrayList<>();
    final List<List<Group>> answers = new ArrayList<>();
    List<StageActivity> activity = List.of();
    SalesCycleStatistics cycle;
    OpportunityStatistics opportunity;

    @Override
    public SalesCycleStatistics salesCycle(String code, LocalDate from, LocalDate to, LocalDate asOf) {
        return cycle;
    }

    @Override
    public SalespersonStatistics salesperson(String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContactStatistics contact(String no) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OpportunityStatistics opportunity(String no) {
        if (opportunity == null) {
            throw new UnsupportedOperationException();
        }
        return opportunity;
    }

    @Override
    public List<Group> aggregate(Aggregation aggregation) {
        asked.add(aggregation);
        if (!answers.isEmpty()) {
            return answers.remove(0);
        }
        return aggregation.groupBy().isEmpty() ? List.of(new Group(List.of(), Figures.NONE)) : List.of();
    }

    @Override
    public List<StageActivity> stageActivity(String code, LocalDate from, LocalDate to, boolean withOutcomes) {
        return activity;
    }
}
