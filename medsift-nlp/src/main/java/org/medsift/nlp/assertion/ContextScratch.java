package org.medsift.nlp.assertion;

import java.util.Arrays;

/**
 * Per-thread scratch of the context annotator: the trigger matches of the sentence scanned last. Arrays grow by
 * doubling and are reused from sentence to sentence and document to document, so a scan allocates nothing once they
 * are large enough. Not thread-safe; one per {@link org.medsift.core.pipeline.Workspace}.
 */
final class ContextScratch {
    /** Per match: first token, exclusive end token, trie state (its rules). */
    int[] matchStart = new int[16];
    int[] matchEnd = new int[16];
    int[] matchState = new int[16];
    int matchCount;

    /**
     * Per token of the sentence (index relative to {@link #sentenceFirst}): bit {@code c} when a terminator of the
     * scopes of category ordinal {@code c} starts at the token, bit {@code ENDS_SHIFT + c} when one ends just before
     * it.
     */
    int[] terminators = new int[64];
    static final int ENDS_SHIFT = 16;

    /** The sentence whose matches are held, or -1 (matches are then stale). */
    int sentence = -1;
    int sentenceFirst;
    int sentenceEnd;

    /** Per category ordinal: the best cue found so far for the mention being assessed. */
    final int[] cueMatch = new int[TriggerCategory.values().length];
    final TriggerRule[] cueRule = new TriggerRule[TriggerCategory.values().length];
    final int[] cueDistance = new int[TriggerCategory.values().length];
    final int[] cueScopeStart = new int[TriggerCategory.values().length];
    final int[] cueScopeEnd = new int[TriggerCategory.values().length];

    void startSentence(int sentence, int first, int end) {
        this.sentence = sentence;
        this.sentenceFirst = first;
        this.sentenceEnd = end;
        this.matchCount = 0;
        int n = end - first + 1;
        if (terminators.length < n) {
            terminators = new int[Math.max(n, terminators.length * 2)];
        } else {
            Arrays.fill(terminators, 0, n, 0);
        }
    }

    void addMatch(int start, int end, int state) {
        if (matchCount == matchStart.length) {
            int cap = matchCount * 2;
            matchStart = Arrays.copyOf(matchStart, cap);
            matchEnd = Arrays.copyOf(matchEnd, cap);
            matchState = Arrays.copyOf(matchState, cap);
        }
        matchStart[matchCount] = start;
        matchEnd[matchCount] = end;
        matchState[matchCount] = state;
        matchCount++;
    }

    void clearCues() {
        Arrays.fill(cueRule, null);
    }

    /** Forgets the sentence scanned last (call at the start of each document). */
    void reset() {
        sentence = -1;
        matchCount = 0;
        Arrays.fill(cueRule, null);
    }
}
