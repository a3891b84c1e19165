package org.medsift.core.problem;

/**
 * Where a problem is: a document id plus a path inside it ({@code PID-5.1}, an XPath, {@code line 12},
 * {@code 3:14}, or empty for the whole document).
 */
public record Location(String documentId, String path) {
    public Location {
        if (documentId == null) {
            throw new IllegalArgumentException("documentId is null");
        }
        path = path == null ? "" : path;
    }

    public static Location of(String documentId) {
        return new Location(documentId, "");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? documentId : documentId + " @ " + path;
    }
}
