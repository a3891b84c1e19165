package org.medsift.nlp.assertion;

import java.util.List;
import java.util.Set;
import org.medsift.core.text.SectionType;

/**
 * One line of a context-rules file.
 *
 * @param phrase    the trigger phrase as written in the file
 * @param words     the phrase's tokens, lower-cased (as the tokenizer splits them)
 * @param category  what the rule does
 * @param direction which way the scope runs ({@link Direction#FORWARD} for pseudo-triggers and terminators, unused)
 * @param maxScope  the largest scope in tokens, not counting punctuation and symbols (0 for pseudo and terminate)
 * @param sections  the section types where the rule applies; empty means everywhere
 * @param ends      for {@link TriggerCategory#TERMINATE}: the categories whose scopes it ends (all value categories
 *                  unless the file restricts them); empty for other rules
 * @param notes     free-text notes from the file ("" when none)
 * @param id        {@code file:line}
 */
record TriggerRule(String phrase, List<String> words, TriggerCategory category, Direction direction, int maxScope,
        Set<SectionType> sections, Set<TriggerCategory> ends, String notes, String id) {
    TriggerRule {
        words = List.copyOf(words);
        sections = Set.copyOf(sections);
        ends = Set.copyOf(ends);
    }

    /** Bit mask of {@link #ends()} by category ordinal. */
    int endsMask() {
        int mask = 0;
        for (TriggerCategory c : ends) {
            mask |= 1 << c.ordinal();
        }
        return mask;
    }

    /** True when the rule applies in a section of this type. */
    boolean appliesIn(SectionType type) {
        return sections.isEmpty() || sections.contains(type);
    }
}
