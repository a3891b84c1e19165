package org.medsift.ml.ner;

import org.medsift.ml.corpus.EntitySpan;

/**
 * An entity span with the model's confidence in it.
 *
 * @param span   the entity
 * @param margin how much the best labelling outscores the best labelling in which the span's units are all outside
 *               any entity (Viterbi scores, in the model's weight units; never negative); {@link
 *               Double#POSITIVE_INFINITY} from taggers that have no scores and for spans no margin was asked for
 */
public record ScoredSpan(EntitySpan span, double margin) {
}
