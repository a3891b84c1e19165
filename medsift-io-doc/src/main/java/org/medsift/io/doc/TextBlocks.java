package org.medsift.io.doc;

import java.util.ArrayList;
import java.util.List;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.SourceRef;
import org.medsift.core.record.TextPiece;

/**
 * Builds the text of one document from its blocks (pages or paragraphs): blocks are joined by one line break and
 * each block gets a {@link TextPiece} naming its path ({@code page[3]}, {@code paragraph[12]}, 1-based), so piece
 * {@code i} is block {@code i + 1}'s char range. Holds the problems of one read. Not thread-safe; one per read.
 */
final class TextBlocks {
    private final String format;
    private final String file;
    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final List<TextPiece> pieces = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean full;

    TextBlocks(String format, String file, int maxChars) {
        this.format = format;
        this.file = file;
        this.maxChars = maxChars;
    }

    /**
     * Adds one block. Once the text would pass {@code maxChars} a problem {@code code} is reported (once) and later
     * blocks are not kept; returns false then.
     */
    boolean add(CharSequence block, String path, String code) {
        if (full) {
            return false;
        }
        int start = text.length() + (pieces.isEmpty() ? 0 : 1);
        if (start + block.length() > maxChars) {
            full = true;
            problem(code, Severity.ERROR, path, "the extracted text would pass " + maxChars + " chars at " + path
                    + "; this block and the rest are not kept");
            return false;
        }
        if (!pieces.isEmpty()) {
            text.append('\n');
        }
        text.append(block);
        pieces.add(new TextPiece(start, text.length(), SourceRef.of(file, path)));
        return true;
    }

    int blocks() {
        return pieces.size();
    }

    boolean isFull() {
        return full;
    }

    void problem(String code, Severity severity, String path, String message) {
        problems.add(new Problem(code, severity, new Location(file, path), message, ""));
    }

    /** The result: one text (when any block holds more than white space) titled {@code title}. */
    ReadResult result(String title) {
        List<RecordText> texts = new ArrayList<>(1);
        if (!text.toString().isBlank()) {
            texts.add(new RecordText(file, text.toString(), "", title, "", SourceRef.of(file, ""), pieces));
        }
        return new ReadResult(format, file, texts.size(), List.of(), List.of(), texts, problems);
    }

    /** A result with problems only (the document could not be opened). */
    ReadResult failed() {
        return new ReadResult(format, file, 0, List.of(), List.of(), List.of(), problems);
    }
}
