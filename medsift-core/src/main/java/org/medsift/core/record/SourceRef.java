package org.medsift.core.record;

/**
 * Where a record or text came from.
 *
 * @param file  the source file (as given to the reader; a file name or id, never patient data)
 * @param path  a path inside the file: HL7 v2 {@code MSH-10=ID/OBX[3]-5}, an XPath, a FHIR resource path
 *              ({@code DocumentReference/abc.content[0].attachment}); empty for the whole file
 * @param start first char of the source range in the file, or -1 when not known
 * @param end   char after the last (half-open), or -1 when not known
 */
public record SourceRef(String file, String path, int start, int end) {
    public SourceRef {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        path = path == null ? "" : path;
        if (start < -1 || end < -1 || (start >= 0 && end < start)) {
            throw new IllegalArgumentException("bad source range [" + start + ", " + end + ")");
        }
    }

    /** A reference without a char range. */
    public static SourceRef of(String file, String path) {
        return new SourceRef(file, path, -1, -1);
    }

    /** This reference with another path and no range. */
    public SourceRef child(String childPath) {
        return new SourceRef(file, childPath, -1, -1);
    }

    @Override
    public String toString() {
        return file + (path.isEmpty() ? "" : " @ " + path) + (start >= 0 ? " [" + start + "," + end + ")" : "");
    }
}
