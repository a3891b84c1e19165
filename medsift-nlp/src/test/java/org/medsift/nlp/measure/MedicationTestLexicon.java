package org.medsift.nlp.measure;

import org.medsift.vocab.Lexicon;

/** The small lexicon of the medication tests, shared. */
public final class MedicationTestLexicon {
    public static final Lexicon LEXICON = org.medsift.nlp.medication.MedicationAnnotatorTest.LEXICON;

    private MedicationTestLexicon() {
    }
}
