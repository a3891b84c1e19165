package org.medsift.nlp.assertion;

/**
 * What a rule of the context-rules file does. The first seven set an assertion value (their names are the
 * {@link org.medsift.core.model.AssertionCue#category()} strings); {@link #PSEUDO} matches a phrase that contains a
 * trigger word but is no trigger ("no increase", "gram negative"), so the shorter trigger inside it never fires;
 * {@link #TERMINATE} ends the scope of every trigger ("but", "however", ";").
 */
enum TriggerCategory {
    NEGATED, POSSIBLE, HISTORICAL, HYPOTHETICAL, CONDITIONAL, FAMILY, OTHER, PSEUDO, TERMINATE;

    /** True for the categories that set a value on the assertion. */
    boolean setsValue() {
        return this != PSEUDO && this != TERMINATE;
    }
}
