package org.medsift.vocab.load;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.ProblemSink;
import org.medsift.core.problem.Severity;

/**
 * Reads a UTF-8 release file line by line, counting lines, so that importers can report a bad row with its file
 * and line ({@code MRCONSO.RRF @ line 12}). Bytes that are not UTF-8 decode to U+FFFD; {@link #next()} reports
 * such a line as a problem and skips it. A byte order mark on the first line is removed. Not thread-safe.
 */
public final class LineReader implements Closeable {
    private final BufferedReader in;
    private final String fileName;
    private final ProblemSink problems;
    private final String encodingCode;
    private final ImportReport report;
    private int line;

    /**
     * @param encodingCode the problem code reported for a line that is not UTF-8 ({@code VOCAB-UMLS-0002})
     */
    public LineReader(Path file, ProblemSink problems, String encodingCode, ImportReport report)
            throws IOException {
        this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        this.fileName = file.getFileName().toString();
        this.problems = problems;
        this.encodingCode = encodingCode;
        this.report = report;
    }

    /** The next line that decodes as UTF-8 (without its line terminator), or {@code null} at the end. */
    public String next() throws IOException {
        while (true) {
            String s = in.readLine();
            if (s == null) {
                return null;
            }
            line++;
            if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
            int bad = s.indexOf('\uFFFD');
            if (bad >= 0) {
                report("line is not valid UTF-8 (undecodable bytes at char " + bad + "); expected UTF-8 text", s,
                        encodingCode);
                continue;
            }
            return s;
        }
    }

    /** Number of the line last returned (1-based). */
    public int lineNumber() {
        return line;
    }

    /** The file's name (no directory), as used in problem locations. */
    public String fileName() {
        return fileName;
    }

    /** Where the line last returned is. */
    public Location where() {
        return new Location(fileName, "line " + line);
    }

    /** Reports a problem (severity WARNING) at the current line and counts the row as dropped ("malformed"). */
    public void report(String message, String raw, String code) {
        report.drop("malformed");
        problems.report(new Problem(code, Severity.WARNING, where(), message, raw));
    }

    /** Reports a problem (severity WARNING) at an earlier line of this file; the caller counts the drop. */
    public void problemAt(int lineNumber, String message, String raw, String code) {
        problems.report(new Problem(code, Severity.WARNING, new Location(fileName, "line " + lineNumber), message,
                raw));
    }

    /**
     * Splits a line at every {@code sep}. A trailing separator (as RRF rows have) gives no extra empty field.
     */
    public static String[] split(String s, char sep) {
        List<String> out = new ArrayList<>(20);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out.toArray(new String[0]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
