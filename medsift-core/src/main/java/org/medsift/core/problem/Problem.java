package org.medsift.core.problem;

/**
 * One problem found in input data.
 *
 * @param code     stable, greppable code such as {@code TEXT-0002}; docs/problems.md lists them
 * @param severity how bad
 * @param where    document and path
 * @param message  what was wrong, the value found (when not PHI-bearing) and what was expected
 * @param rawValue the raw value kept, possibly truncated; may hold PHI, so never log it
 */
public record Problem(String code, Severity severity, Location where, String message, String rawValue) {
    public Problem {
        if (code == null || severity == null || where == null || message == null) {
            throw new IllegalArgumentException("problem fields must not be null");
        }
        rawValue = rawValue == null ? "" : rawValue;
    }

    /** A line safe to log: code, severity, location and the raw value's length, never the value itself. */
    public String toLogLine() {
        return code + " " + severity + " " + where + (rawValue.isEmpty() ? "" : " (value of " + rawValue.length()
                + " chars)");
    }

    @Override
    public String toString() {
        return toLogLine();
    }
}
