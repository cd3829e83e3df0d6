package org.opportune.api.opportunity;

/** An opportunity's priority; {@code NORMAL} when none is given. */
public enum OpportunityPriority {
    LOW, NORMAL, HIGH
}
