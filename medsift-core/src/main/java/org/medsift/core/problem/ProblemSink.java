package org.medsift.core.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems. {@link Policy#LENIENT} keeps up to {@code cap} problems and counts the rest;
 * {@link Policy#STRICT} throws {@link InputFormatException} on the first problem of severity WARNING or worse.
 * Not thread-safe: use one sink per document or per reader.
 */
public final class ProblemSink {
    /** What to do with a problem. */
    public enum Policy { LENIENT, STRICT }

    private final Policy policy;
    private final int cap;
    private final List<Problem> problems = new ArrayList<>();
    private long overflow;

    public ProblemSink(Policy policy, int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be >= 0, was " + cap);
        }
        this.policy = policy;
        this.cap = cap;
    }

    public static ProblemSink lenient() {
        return new ProblemSink(Policy.LENIENT, 1000);
    }

    public static ProblemSink strict() {
        return new ProblemSink(Policy.STRICT, 1000);
    }

    public void report(Problem problem) {
        if (policy == Policy.STRICT && problem.severity() != Severity.INFO) {
            throw new InputFormatException(problem);
        }
        if (problems.size() < cap) {
            problems.add(problem);
        } else {
            overflow++;
        }
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems reported past the cap (counted, not kept). */
    public long overflow() {
        return overflow;
    }

    public long total() {
        return problems.size() + overflow;
    }

    public Policy policy() {
        return policy;
    }
}
