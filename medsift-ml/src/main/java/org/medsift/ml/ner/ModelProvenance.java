package org.medsift.ml.ner;

import java.util.List;

/**
 * Where a model came from, stored in the model file so that it can be reproduced.
 *
 * @param medsiftVersion the Medsift version that trained it
 * @param created        ISO-8601 instant of training
 * @param trainingData   the training inputs, as given (paths and formats)
 * @param devData        the development input used for early stopping, or empty
 * @param typeMapping    the type mapping applied when reading, as text
 * @param lexicon        name and version of the lexicon behind the lexicon features, or empty
 * @param epochs         epochs run; the stored weights are those of {@code bestEpoch}
 * @param bestEpoch      the epoch whose averaged weights were kept (1-based)
 * @param devF1          exact-match micro F1 on the development data at {@code bestEpoch}, or NaN
 * @param trainerSettings the trainer settings, as text
 */
public record ModelProvenance(String medsiftVersion, String created, List<String> trainingData, String devData,
        String typeMapping, String lexicon, int epochs, int bestEpoch, double devF1, String trainerSettings) {
    public ModelProvenance {
        trainingData = List.copyOf(trainingData);
    }
}
