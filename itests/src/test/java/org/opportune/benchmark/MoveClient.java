package org.opportune.benchmark;

/** One simulated user: moves its opportunity once per call, from one thread only. */
interface MoveClient extends AutoCloseable {

    enum Outcome {
        /** The move was written. */
        MOVED,
        /** The move was written, after the database rolled it back at least once for a transient reason. */
        MOVED_AFTER_RETRY,
        /** Another client moved the opportunity first (stale version); the client has re-read it. */
        CONFLICT
    }

    /** @throws Exception a refusal or failure: counted as an error */
    Outcome move() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
