package org.medsift.app.batch;

import java.util.List;
import java.util.Map;
import org.medsift.core.problem.Problem;

/**
 * What a batch run did.
 *
 * @param documents      documents processed (including empty ones)
 * @param failed         inputs not processed (binary, oversized, unreadable)
 * @param chars          chars of text processed
 * @param bytes          bytes of input read
 * @param findingsByGroup findings per semantic group name
 * @param findingsByAssertion findings per assertion value that is not the default ({@code negated}, {@code possible},
 *                       {@code historical}, {@code hypothetical}, {@code family}, {@code other}, {@code conditional})
 * @param problems       every problem reported (inputs and documents), in input order
 * @param nanos          wall time of the processing phase
 * @param threads        worker threads used
 */
public record BatchSummary(int documents, int failed, long chars, long bytes, Map<String, Long> findingsByGroup,
        Map<String, Long> findingsByAssertion, List<Problem> problems, long nanos, int threads) {

    /** Throughput in MB (10^6 bytes of input) per second of wall time. */
    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    public double documentsPerSecond() {
        return nanos == 0 ? 0 : documents / (nanos / 1e9);
    }

    public long findings() {
        long n = 0;
        for (long v : findingsByGroup.values()) {
            n += v;
        }
        return n;
    }
}
