package org.opportune.benchmark;

/**
 * Where one client believes an opportunity stands, and which way it moves it: up to the highest stage with NEXT, down
 * to the lowest with PREVIOUS, and so on (NEXT, NEXT, NEXT, PREVIOUS, PREVIOUS, PREVIOUS on four stages), so that
 * every move is valid while the client is the only one moving the opportunity.
 */
final class Route {
    static final String NEXT = "NEXT";
    static final String PREVIOUS = "PREVIOUS";

    private final String opportunityNo;
    private final int lowestStage;
    private final int highestStage;
    private int stage;
    private long version;
    private boolean upwards = true;

    Route(String opportunityNo, int lowestStage, int highestStage, int stage, long version) {
        this.opportunityNo = opportunityNo;
        this.lowestStage = lowestStage;
        this.highestStage = highestStage;
        refreshed(stage, version);
    }

    String opportunityNo() {
        return opportunityNo;
    }

    long version() {
        return version;
    }

    /** The action of the next move, turning round at the ends of the cycle. */
    String action() {
        if (stage >= highestStage) {
            upwards = false;
        } else if (stage <= lowestStage) {
            upwards = true;
        }
        return upwards ? NEXT : PREVIOUS;
    }

    /** What the server (or the database) said after a move or a read. */
    void refreshed(int currentStage, long currentVersion) {
        this.stage = currentStage;
        this.version = currentVersion;
    }
}
