package org.medsift.core.model;

/**
 * One reason behind an assertion value: a trigger phrase in the text and the scope it applied over, or a section
 * cue.
 *
 * @param category   what it sets: {@code NEGATED}, {@code POSSIBLE}, {@code HISTORICAL}, {@code HYPOTHETICAL},
 *                   {@code CONDITIONAL}, {@code FAMILY}, {@code OTHER}
 * @param trigger    the rule's trigger phrase as written in the rules file, or the section type for section cues
 * @param start      char offset of the trigger in the text (for section cues, the section header start)
 * @param end        char offset after the trigger
 * @param scopeStart char offset where the trigger's scope begins
 * @param scopeEnd   char offset where the trigger's scope ends (exclusive)
 * @param rule       identifier of the rule (file and line, or {@code section:TYPE})
 */
public record AssertionCue(String category, String trigger, int start, int end, int scopeStart, int scopeEnd,
        String rule) {
    public AssertionCue {
        if (start < 0 || end < start || scopeStart < 0 || scopeEnd < scopeStart) {
            throw new IllegalArgumentException("cue offsets out of order");
        }
    }
}
