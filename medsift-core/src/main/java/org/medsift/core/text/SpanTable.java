package org.medsift.core.text;

import java.util.Arrays;

/**
 * Ranges of tokens, such as sentences, as parallel {@code int} arrays: range {@code i} covers tokens
 * {@code [firstToken(i), endToken(i))}, in text order, non-overlapping. Grows by doubling.
 */
public final class SpanTable {
    private int[] firsts;
    private int[] ends;
    private int size;

    public SpanTable(int initialCapacity) {
        int cap = Math.max(4, initialCapacity);
        firsts = new int[cap];
        ends = new int[cap];
    }

    /**
     * Appends a range of tokens.
     *
     * @throws IllegalArgumentException when the range is empty or overlaps the previous one
     */
    public int add(int firstToken, int endToken) {
        if (firstToken < 0 || endToken <= firstToken || (size > 0 && firstToken < ends[size - 1])) {
            throw new IllegalArgumentException("range [" + firstToken + ", " + endToken + ") empty or out of order");
        }
        if (size == firsts.length) {
            firsts = Arrays.copyOf(firsts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        firsts[size] = firstToken;
        ends[size] = endToken;
        return size++;
    }

    public int size() {
        return size;
    }

    public int firstToken(int range) {
        check(range);
        return firsts[range];
    }

    /** Exclusive end token index. */
    public int endToken(int range) {
        check(range);
        return ends[range];
    }

    /** Index of the range that contains {@code token}, or -1 when none does. Binary search. */
    public int rangeOf(int token) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= token) {
                lo = mid + 1;
            } else if (firsts[mid] > token) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void check(int range) {
        if (range < 0 || range >= size) {
            throw new IndexOutOfBoundsException("range " + range + " outside [0, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "SpanTable[size=" + size + "]";
    }
}
