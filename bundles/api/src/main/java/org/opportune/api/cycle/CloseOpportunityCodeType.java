package org.opportune.api.cycle;

/** Whether a close opportunity code closes an opportunity as won or as lost. */
public enum CloseOpportunityCodeType {
    WON, LOST
}
