package org.medsift.bench;

import org.medsift.core.pipeline.Workspace;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread benchmark state: the position in the corpus, the thread's {@link Workspace}, and a counter of the
 * input processed. JMH reports {@link #mb()} as a secondary result {@code ·mb} in "ops/s", which here reads as
 * MB/s (MB = 10^6 bytes of UTF-8 input).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Cursor {
    final Workspace workspace = new Workspace();
    private int next;
    private long bytes;

    /** JMH does not reset counters; we do, before each iteration. */
    @Setup(Level.Iteration)
    public void resetCounter() {
        bytes = 0;
    }

    /** Megabytes (10^6 bytes) of input processed in this iteration. */
    public double mb() {
        return bytes * 1e-6;
    }

    /** The index of the next document, cycling through {@code size} documents; counts its bytes. */
    int next(int size, int[] utf8Bytes) {
        int i = next;
        next = i + 1 == size ? 0 : i + 1;
        bytes += utf8Bytes[i];
        return i;
    }
}
