package org.medsift.core.text;

import java.util.Arrays;

/**
 * Maps a char offset to a 1-based line and column, for messages. Built once per text in one pass; lookups are a
 * binary search. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
public final class LineMap {
    private final int[] lineStarts;
    private final int length;

    private LineMap(int[] lineStarts, int length) {
        this.lineStarts = lineStarts;
        this.length = length;
    }

    static LineMap of(CharSequence s) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= len || s.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new LineMap(Arrays.copyOf(starts, n), len);
    }

    /** 1-based line of {@code offset}; offsets past the end report the last line. */
    public int line(int offset) {
        checkOffset(offset);
        int idx = Arrays.binarySearch(lineStarts, offset);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    /** 1-based column of {@code offset} in UTF-16 chars. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** {@code line:col} of an offset, for messages. */
    public String position(int offset) {
        return line(offset) + ":" + column(offset);
    }

    /** Number of lines (a text with no line break has one). */
    public int lineCount() {
        return lineStarts.length;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + length + "]");
        }
    }
}
