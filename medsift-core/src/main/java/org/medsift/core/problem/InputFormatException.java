package org.medsift.core.problem;

/**
 * Thrown in strict mode when input data has a problem. The message carries only the problem's code, location and
 * value length (no raw values: they may hold PHI); the problem itself is available from {@link #problem()}.
 */
public final class InputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public InputFormatException(Problem problem) {
        super(problem.toLogLine() + ": " + problem.message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
