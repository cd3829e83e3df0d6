package org.opportune.tasks.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.opportune.api.task.SalespersonTasks;

/**
 * The tasks-by-salesperson figures in one grouped query over the tasks the caller may see. Only tasks that count
 * (open, or completed in the period) are grouped, so a salesperson with none counted is left out.
 */
final class TaskCounts {
    private TaskCounts() {
    }

    static List<SalespersonTasks> query(EntityManager em, TaskScope scope, LocalDate today, LocalDate completedFrom,
            LocalDate completedTo) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder completedInPeriod = new StringBuilder("STATUS = 'COMPLETED'");
        List<Object> periodParameters = new ArrayList<>();
        if (completedFrom != null) {
            completedInPeriod.append(" AND DATE_COMPLETED >= ?");
            periodParameters.add(Date.valueOf(completedFrom));
        }
        if (completedTo != null) {
            completedInPeriod.append(" AND DATE_COMPLETED <= ?");
            periodParameters.add(Date.valueOf(completedTo));
        }
        StringBuilder sql = new StringBuilder("SELECT SALESPERSON_CODE,"
                + " SUM(CASE WHEN STATUS = 'OPEN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN STATUS = 'OPEN' AND TASK_DATE < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + completedInPeriod + " THEN 1 ELSE 0 END)"
                + " FROM TASK WHERE (STATUS = 'OPEN' OR (" + completedInPeriod + "))");
        parameters.add(Date.valueOf(today));
        parameters.addAll(periodParameters);
        parameters.addAll(periodParameters);
        if (!scope.all()) {
            sql.append(" AND SALESPERSON_CODE = ?");
            parameters.add(scope.salespersonCode());
        }
        sql.append(" GROUP BY SALESPERSON_CODE ORDER BY SALESPERSON_CODE");
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<SalespersonTasks> counts = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.add(new SalespersonTasks((String) columns[0], number(columns[1]), number(columns[2]),
                    number(columns[3])));
        }
        return counts;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
