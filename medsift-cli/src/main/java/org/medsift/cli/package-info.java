/**
 * The {@code medsift} command line: a thin picocli adapter over {@code org.medsift.app}.
 *
 * <p>Exit codes: {@code 0} success; {@code 1} failure (nothing could be processed, an output could not be
 * written, or a bug); {@code 2} usage error (unknown option, bad value, missing file); {@code 3} problems were
 * found in the input and {@code --strict} was given.
 */
package org.medsift.cli;
