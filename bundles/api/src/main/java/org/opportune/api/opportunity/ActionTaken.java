package org.opportune.api.opportunity;

/**
 * What an entry records as done (DOMAIN §3, §5): {@code NONE} for the first stage, {@code NEXT},
 * {@code PREVIOUS}, {@code UPDATED}, {@code JUMPED} (a skip or jump over at least one stage),
 * {@code WON} or {@code LOST} for a closing entry.
 */
public enum ActionTaken {
    NONE, NEXT, PREVIOUS, UPDATED, JUMPED, WON, LOST
}
