package org.opportune.api.opportunity;

/** Where an opportunity stands (DOMAIN §2); {@code NOT_STARTED} and {@code IN_PROGRESS} are "open". */
public enum OpportunityStatus {
    NOT_STARTED, IN_PROGRESS, WON, LOST;

    /** @return true for {@code NOT_STARTED} and {@code IN_PROGRESS} */
    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
