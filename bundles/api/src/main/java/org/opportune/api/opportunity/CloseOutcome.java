package org.opportune.api.opportunity;

/** How an opportunity is closed; closing needs a close opportunity code of the same type. */
public enum CloseOutcome {
    WON, LOST
}
