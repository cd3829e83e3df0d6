/**
 * Activities and tasks (DOMAIN §10). Activities live in this module, not with the sales cycles that name them:
 * the tasks participant reads an activity's steps inside the move's transaction, on the move's connection, from
 * this module's own tables; the cycles module checks a stage's {@code activityCode} through
 * {@link org.opportune.api.task.ActivityService} and refuses deleting an activity a stage names through a
 * {@link org.opportune.api.UsageCheck} it registers.
 */
package org.opportune.tasks.internal;
