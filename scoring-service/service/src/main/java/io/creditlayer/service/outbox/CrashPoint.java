package io.creditlayer.service.outbox;

/**
 * Test-only fault injection ({@code creditlayer.outbox.crash-after}): the worker halts the JVM, as a kill -9
 * would, right after a step of sending, so the restart path can be tested against the real process.
 */
public enum CrashPoint {
    /** never (production) */
    NONE,
    /** after the signed transaction is committed to the database, before it is broadcast */
    PERSIST,
    /** right after the node accepted the broadcast, before the worker recorded it */
    BROADCAST;

    /** Exit status of the halted JVM, so the test can tell an injected crash from any other death. */
    public int exitStatus() {
        return 80 + ordinal();
    }
}
