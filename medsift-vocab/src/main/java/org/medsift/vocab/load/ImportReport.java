package org.medsift.vocab.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.medsift.core.model.SemanticGroup;

/**
 * What one importer did: rows read, concepts created and joined (merged into a concept another source created),
 * terms added, and every dropped entry counted by reason ({@code "LAT not in [ENG]"}, {@code "suppressed (O)"}).
 * Problems (bad rows) are reported to the {@link org.medsift.core.problem.ProblemSink}, and also counted here
 * under the reason {@code "malformed"}. Not thread-safe.
 */
public final class ImportReport {
    private final String sourceId;
    private long rows;
    private long conceptsCreated;
    private long conceptsJoined;
    private long terms;
    private final Map<SemanticGroup, Long> createdByGroup = new EnumMap<>(SemanticGroup.class);
    private final Map<String, Long> dropped = new TreeMap<>();

    /** An empty report for a source id. */
    public ImportReport(String sourceId) {
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }

    /** Counts one input row or record read (kept or not). */
    public void row() {
        rows++;
    }

    /** Counts a concept this source created. */
    public void created(SemanticGroup group) {
        conceptsCreated++;
        createdByGroup.merge(group, 1L, Long::sum);
    }

    /** Counts a concept of this source merged into an existing concept. */
    public void joined() {
        conceptsJoined++;
    }

    /** Counts a term added (the builder may still drop it as a duplicate of the concept's term). */
    public void term() {
        terms++;
    }

    /** Counts one entry left out, with the reason (a short stable phrase). */
    public void drop(String reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    public long rows() {
        return rows;
    }

    public long conceptsCreated() {
        return conceptsCreated;
    }

    public long conceptsJoined() {
        return conceptsJoined;
    }

    public long terms() {
        return terms;
    }

    /** Concepts created, per group (sorted by group). */
    public Map<SemanticGroup, Long> createdByGroup() {
        return Collections.unmodifiableMap(createdByGroup);
    }

    /** Entries left out, per reason (sorted by reason). */
    public Map<String, Long> dropped() {
        return Collections.unmodifiableMap(dropped);
    }

    /** Total entries left out. */
    public long droppedTotal() {
        long n = 0;
        for (long v : dropped.values()) {
            n += v;
        }
        return n;
    }

    @Override
    public String toString() {
        return sourceId + ": " + rows + " rows, " + conceptsCreated + " concepts created, " + conceptsJoined
                + " joined, " + terms + " terms, dropped " + dropped;
    }
}
