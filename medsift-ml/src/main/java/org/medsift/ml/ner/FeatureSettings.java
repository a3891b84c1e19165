package org.medsift.ml.ner;

/**
 * What the feature extractor computes; stored in the model, so a model is always read with the features it was
 * trained with.
 *
 * @param hashBits        the weight array holds {@code 2^hashBits} feature buckets per label (16..24)
 * @param charNgrams      char trigrams of each word
 * @param lexiconFeatures B/I tags of the lexicon matcher's mentions by semantic group, at -1, 0 and +1
 */
public record FeatureSettings(int hashBits, boolean charNgrams, boolean lexiconFeatures) {
    /** The defaults: 2^20 buckets, char trigrams and lexicon features on. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(20, true, true);

    public FeatureSettings {
        if (hashBits < 16 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits " + hashBits + " outside 16..24");
        }
    }

    @Override
    public String toString() {
        return "hash_bits=" + hashBits + " char_ngrams=" + charNgrams + " lexicon_features=" + lexiconFeatures
                + " words=-2..+2 bigrams affixes=2..4 shapes kind glue";
    }
}
