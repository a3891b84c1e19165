package org.medsift.ml.ner;

/**
 * What the feature extractor computes; stored in the model, so a model is always read with the features it was
 * trained with.
 *
 * @param hashBits        the weight array holds {@code 2^hashBits} feature buckets per label (16..24)
 * @param charNgrams      char trigrams of each word (and 4-grams with {@code wideContext})
 * @param lexiconFeatures B/I tags of the lexicon matcher's mentions by semantic group, at -1, 0 and +1, and the
 *                        position in a multi-token match
 * @param wideContext     words at -3 and +3, word bigrams (-2,-1) and (+1,+2), 5-char affixes, shapes at -2 and
 *                        +2, inside-parentheses and title features
 * @param abbreviations   abbreviations defined in the document ({@code long form (SF)}): each use of a short form
 *                        gets its long form's words, suffix and lexicon tags
 * @param secondPass      a second model over the first one's labels of the whole document (the same word's labels
 *                        elsewhere, the long form's label for a short form, the neighbours' labels), trained on
 *                        cross-validated first-pass labels
 * @param bilou           label each entity's units B(egin), I(nside), L(ast) or U(nit) instead of B and I
 */
public record FeatureSettings(int hashBits, boolean charNgrams, boolean lexiconFeatures, boolean wideContext,
        boolean abbreviations, boolean secondPass, boolean bilou) {
    /** The defaults: 2^20 buckets, every feature group on, BILOU labels. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(20, true, true, true, true, true, true);

    public FeatureSettings {
        if (hashBits < 16 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits " + hashBits + " outside 16..24");
        }
    }

    /** The given hash bits, char n-grams and lexicon features, and the other groups on (as in {@link #DEFAULT}). */
    public FeatureSettings(int hashBits, boolean charNgrams, boolean lexiconFeatures) {
        this(hashBits, charNgrams, lexiconFeatures, true, true, true, true);
    }

    @Override
    public String toString() {
        return "hash_bits=" + hashBits + " char_ngrams=" + charNgrams + " lexicon_features=" + lexiconFeatures
                + " wide_context=" + wideContext + " abbreviations=" + abbreviations + " second_pass=" + secondPass
                + " labels=" + (bilou ? "BILOU" : "BIO")
                + " words=-2..+2 bigrams affixes=2..4 shapes kind glue";
    }
}
