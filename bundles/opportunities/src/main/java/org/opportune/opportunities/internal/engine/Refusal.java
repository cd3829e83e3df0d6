package org.opportune.opportunities.internal.engine;

/** A transition rule's refusal: its name and its reason. */
public record Refusal(String rule, String reason) {

    @Override
    public String toString() {
        return reason + " (" + rule + ")";
    }
}
