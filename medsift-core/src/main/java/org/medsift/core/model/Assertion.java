package org.medsift.core.model;

import java.util.List;

/**
 * What the text asserts about a mention: polarity, certainty, time, experiencer, and whether it is conditional,
 * with the cues that decided each value (for explanations).
 *
 * @param negated      {@code true} when the text denies the finding ("no chest pain")
 * @param certainty    certain or possible ("possible pneumonia", "cannot rule out")
 * @param temporality  recent, historical ("history of MI") or hypothetical ("return if fever")
 * @param experiencer  patient, family ("mother had breast cancer") or other
 * @param conditional  {@code true} when asserted only under a condition ("chest pain on exertion", "if")
 * @param cues         the triggers and section cues that set non-default values, in text order
 */
public record Assertion(boolean negated, Certainty certainty, Temporality temporality, Experiencer experiencer,
        boolean conditional, List<AssertionCue> cues) {

    /** The default: affirmed, certain, recent, patient, unconditional, no cues. */
    public static final Assertion DEFAULT =
            new Assertion(false, Certainty.CERTAIN, Temporality.RECENT, Experiencer.PATIENT, false, List.of());

    public Assertion {
        if (certainty == null || temporality == null || experiencer == null) {
            throw new IllegalArgumentException("assertion values must not be null");
        }
        cues = cues == null ? List.of() : List.copyOf(cues);
    }

    /** Certainty of an assertion. */
    public enum Certainty { CERTAIN, POSSIBLE }

    /** When the finding holds relative to the note. */
    public enum Temporality { RECENT, HISTORICAL, HYPOTHETICAL }

    /** Whose finding it is. */
    public enum Experiencer { PATIENT, FAMILY, OTHER }
}
