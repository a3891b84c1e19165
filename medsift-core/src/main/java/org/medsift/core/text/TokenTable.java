package org.medsift.core.text;

import java.util.Arrays;

/**
 * Tokens of one text as parallel primitive arrays, indexed by token number {@code 0 .. size()-1}, in text order.
 * Offsets are half-open UTF-16 char offsets. Grows by doubling; adding a token allocates nothing once the arrays
 * are large enough.
 *
 * <p>Per token: {@code start}, {@code end}, {@code kind} ({@link TokenKind}), {@code breaks} (number of line
 * breaks between the previous token and this one, capped at 127; the first token counts breaks from the start of
 * the text) and {@code normId} (an id in a lexicon's normalized word vocabulary, {@link #NO_NORM} when the word is
 * not in it; set by the lexicon matcher).
 *
 * <p>Not thread-safe while being filled; read-only use from several threads is safe once the owning document is
 * frozen.
 */
public final class TokenTable {
    /** {@link #normId(int)} of a token whose word is not in the lexicon vocabulary. */
    public static final int NO_NORM = -1;

    private int[] starts;
    private int[] ends;
    private byte[] kinds;
    private byte[] breaks;
    private int[] normIds;
    private int size;

    public TokenTable(int initialCapacity) {
        int cap = Math.max(8, initialCapacity);
        starts = new int[cap];
        ends = new int[cap];
        kinds = new byte[cap];
        breaks = new byte[cap];
        normIds = new int[cap];
    }

    /**
     * Appends a token. Tokens must be added in text order and must not overlap.
     *
     * @return the new token's index
     * @throws IllegalArgumentException if the span is empty, negative or before the previous token's end
     */
    public int add(int start, int end, byte kind, int lineBreaks) {
        if (start < 0 || end <= start || (size > 0 && start < ends[size - 1])) {
            throw new IllegalArgumentException("token [" + start + ", " + end + ") out of order or empty after "
                    + (size > 0 ? ends[size - 1] : 0));
        }
        if (size == starts.length) {
            grow();
        }
        starts[size] = start;
        ends[size] = end;
        kinds[size] = kind;
        breaks[size] = (byte) Math.min(127, Math.max(0, lineBreaks));
        normIds[size] = NO_NORM;
        return size++;
    }

    private void grow() {
        int cap = starts.length * 2;
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        kinds = Arrays.copyOf(kinds, cap);
        breaks = Arrays.copyOf(breaks, cap);
        normIds = Arrays.copyOf(normIds, cap);
    }

    public int size() {
        return size;
    }

    public int start(int token) {
        check(token);
        return starts[token];
    }

    public int end(int token) {
        check(token);
        return ends[token];
    }

    public byte kind(int token) {
        check(token);
        return kinds[token];
    }

    /** Line breaks between the previous token (or the start of text) and this token, capped at 127. */
    public int breaks(int token) {
        check(token);
        return breaks[token];
    }

    public int normId(int token) {
        check(token);
        return normIds[token];
    }

    public void setNormId(int token, int normId) {
        check(token);
        normIds[token] = normId;
    }

    /** Length in chars of a token. */
    public int length(int token) {
        check(token);
        return ends[token] - starts[token];
    }

    /**
     * Index of the first token whose end is greater than {@code offset} (the token containing or following the
     * offset), or {@code size()} when none. Binary search.
     */
    public int tokenAtOrAfter(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void check(int token) {
        if (token < 0 || token >= size) {
            throw new IndexOutOfBoundsException("token " + token + " outside [0, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "TokenTable[size=" + size + "]";
    }
}
