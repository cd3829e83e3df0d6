package org.opportune.api.report;

/**
 * A report service registered right now, as listed for administrators: unlike {@link ReportInfo},
 * also the ones outranked by another of the same id and the refused ones.
 *
 * @param id      its {@value Report#ID_PROPERTY}
 * @param title   its title, null when it cannot say
 * @param bundle  the symbolic name of the bundle that brings it, null when unknown
 * @param chart   whether it has a chart
 * @param ranking its {@code service.ranking} (0 when not set)
 * @param active  true for the registration run for its id; false for one that another registration
 *                of the same id outranks, or that is refused
 * @param problem why the registration is refused (no {@value Report#ID_PROPERTY} property, or one
 *                that differs from {@code id()}), null when it is not
 */
public record ReportRegistrationInfo(String id, String title, String bundle, boolean chart, int ranking,
        boolean active, String problem) {
}
