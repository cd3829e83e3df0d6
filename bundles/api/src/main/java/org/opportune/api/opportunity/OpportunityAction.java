package org.opportune.api.opportunity;

/**
 * What an update of an opportunity asks for (DOMAIN §5); the candidate target stages of each,
 * seen from the current stage S:
 * <ul>
 * <li>{@code FIRST}: the lowest stage, only when the opportunity has no entry yet;</li>
 * <li>{@code NEXT}: the lowest stage above S; {@code PREVIOUS}: the highest stage below S;
 * {@code UPDATE}: S itself;</li>
 * <li>{@code SKIP}: from the next stage on, as far as the stages allow skipping (at least two
 * candidates; default the next stage);</li>
 * <li>{@code JUMP}: every stage below S (at least two candidates; default the highest).</li>
 * </ul>
 */
public enum OpportunityAction {
    FIRST, NEXT, PREVIOUS, SKIP, JUMP, UPDATE
}
