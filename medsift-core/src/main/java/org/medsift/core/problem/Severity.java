package org.medsift.core.problem;

/** How bad a problem is. */
public enum Severity {
    /** Informational: processing was complete, something was unusual. */
    INFO,
    /** Part of the input was kept raw or skipped; the rest was processed. */
    WARNING,
    /** The input (or a document) could not be processed. */
    ERROR
}
