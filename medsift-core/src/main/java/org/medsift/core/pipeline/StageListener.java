package org.medsift.core.pipeline;

/**
 * Receives the time each annotator took on each document, for benchmarks and progress reports. Called on the
 * processing thread; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface StageListener {
    /** Called after {@code stage} (its index in the pipeline) finished a document in {@code nanos}. */
    void stageDone(int stage, String name, long nanos);

    /** A listener that ignores everything. */
    StageListener NONE = (stage, name, nanos) -> { };
}
