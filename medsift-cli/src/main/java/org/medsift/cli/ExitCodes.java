package org.medsift.cli;

/** Process exit codes of the {@code medsift} command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** Input problems were found and {@code --strict} was given. */
    public static final int PROBLEMS = 3;

    private ExitCodes() {
    }
}
