package org.opportune.api.statistics;

/**
 * What happened at one stage of a cycle, from the entry history.
 *
 * @param entries       entries ever written at the stage, active or not — how often it was entered
 *                      (NAV's pipeline chart)
 * @param opportunities distinct opportunities that reached the stage
 * @param won           of those, how many are won now
 * @param lost          of those, how many are lost now
 */
public record StageActivity(int stage, String description, long entries, long opportunities, long won, long lost) {
}
