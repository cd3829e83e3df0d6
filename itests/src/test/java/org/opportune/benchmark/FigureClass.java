package org.opportune.benchmark;

/**
 * The report benchmark's two kinds of figure (issue 14) and their targets: a figure of the current state answers
 * within 100 ms, a historical one within 2 s, and both within 1.5 × the hand-written SQL's time.
 */
enum FigureClass {
    CURRENT_STATE("current", 100),
    HISTORICAL("historical", 2_000);

    static final double RATIO_TARGET = 1.5;

    private final String label;
    private final long millisTarget;

    FigureClass(String label, long millisTarget) {
        this.label = label;
        this.millisTarget = millisTarget;
    }

    String label() {
        return label;
    }

    /** e.g. {@code <= 100 ms, <= 1.5x} */
    String target() {
        return "<= " + (millisTarget < 1_000 ? millisTarget + " ms" : millisTarget / 1_000 + " s") + ", <= "
                + RATIO_TARGET + "x";
    }

    boolean met(double restMillis, double sqlMillis) {
        return restMillis <= millisTarget && restMillis <= RATIO_TARGET * sqlMillis;
    }
}
