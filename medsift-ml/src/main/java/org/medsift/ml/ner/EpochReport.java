package org.medsift.ml.ner;

/**
 * Progress after one training epoch.
 *
 * @param epoch         1-based epoch
 * @param units         units (tokens) seen
 * @param errors        units whose predicted label differed from the gold label before the update (the
 *                      perceptron's Hamming loss)
 * @param devF1         exact-match micro F1 of the averaged weights on the development data, or NaN without it
 * @param best          true when this epoch's weights are the best so far (kept)
 * @param seconds       wall time of the epoch, development scoring included
 * @param stage         what is being trained: {@code "pass 1"}, {@code "fold 2/5"} (first pass on part of the
 *                      training data, for the second pass's inputs), {@code "pass 2"}, or with {@code " (final)"}
 *                      when retraining on all the training data after a held-out choice of epochs
 */
public record EpochReport(int epoch, long units, long errors, double devF1, boolean best, double seconds,
        String stage) {
    /** Errors per unit. */
    public double loss() {
        return units == 0 ? 0 : errors / (double) units;
    }

    /** 1 - {@link #loss()}: token accuracy on the training data during the epoch. */
    public double accuracy() {
        return 1 - loss();
    }
}
