package org.medsift.deid;

import java.util.Arrays;

/**
 * Maps offsets between a de-identified output text and its input (the {@code CharFilter} idea): a sorted list
 * of edit records, each replacing input {@code [inStart, inEnd)} by output {@code [outStart, outEnd)}; text between
 * edits is copied unchanged. Lookups are binary searches over the records. Immutable and thread-safe.
 *
 * <p>An offset inside a replaced region maps to the region's start (for a span start) or end (for a span end),
 * so a span that overlaps a replacement maps to one that covers the whole replaced region.
 */
public final class OffsetMap {
    private final int[] inStart;
    private final int[] inEnd;
    private final int[] outStart;
    private final int[] outEnd;
    private final int inLength;
    private final int outLength;

    private OffsetMap(int[] inStart, int[] inEnd, int[] outStart, int[] outEnd, int inLength, int outLength) {
        this.inStart = inStart;
        this.inEnd = inEnd;
        this.outStart = outStart;
        this.outEnd = outEnd;
        this.inLength = inLength;
        this.outLength = outLength;
    }

    /** The identity map of a text of the given length. */
    public static OffsetMap identity(int length) {
        return new OffsetMap(new int[0], new int[0], new int[0], new int[0], length, length);
    }

    /** Number of edit records. */
    public int edits() {
        return inStart.length;
    }

    public int inputLength() {
        return inLength;
    }

    public int outputLength() {
        return outLength;
    }

    /** The input offset of output offset {@code out} taken as a span start. */
    public int toInputStart(int out) {
        return map(out, outStart, outEnd, inStart, inEnd, outLength, false);
    }

    /** The input offset of output offset {@code out} taken as a span end. */
    public int toInputEnd(int out) {
        return map(out, outStart, outEnd, inStart, inEnd, outLength, true);
    }

    /** The output offset of input offset {@code in} taken as a span start. */
    public int toOutputStart(int in) {
        return map(in, inStart, inEnd, outStart, outEnd, inLength, false);
    }

    /** The output offset of input offset {@code in} taken as a span end. */
    public int toOutputEnd(int in) {
        return map(in, inStart, inEnd, outStart, outEnd, inLength, true);
    }

    private static int map(int off, int[] fromS, int[] fromE, int[] toS, int[] toE, int len, boolean end) {
        if (off < 0 || off > len) {
            throw new IndexOutOfBoundsException("offset " + off + " outside [0, " + len + "]");
        }
        // last edit whose start is <= off (for an end offset: < off, so an end at an edit's start stays before it)
        int lo = 0;
        int hi = fromS.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (end ? fromS[mid] < off : fromS[mid] <= off) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (k < 0) {
            return off;
        }
        if (off < fromE[k] || end && off == fromE[k]) {
            return end ? toE[k] : toS[k];
        }
        return toE[k] + (off - fromE[k]);
    }

    /** Collects edits in input order. Not thread-safe. */
    static final class Builder {
        private int n;
        private int[] is = new int[8];
        private int[] ie = new int[8];
        private int[] os = new int[8];
        private int[] oe = new int[8];

        void add(int inS, int inE, int outS, int outE) {
            if (n > 0 && inS < ie[n - 1]) {
                throw new IllegalStateException("edits overlap or are out of order");
            }
            if (n == is.length) {
                is = Arrays.copyOf(is, n * 2);
                ie = Arrays.copyOf(ie, n * 2);
                os = Arrays.copyOf(os, n * 2);
                oe = Arrays.copyOf(oe, n * 2);
            }
            is[n] = inS;
            ie[n] = inE;
            os[n] = outS;
            oe[n] = outE;
            n++;
        }

        OffsetMap build(int inLength, int outLength) {
            return new OffsetMap(Arrays.copyOf(is, n), Arrays.copyOf(ie, n), Arrays.copyOf(os, n), Arrays.copyOf(oe, n),
                    inLength, outLength);
        }
    }
}
