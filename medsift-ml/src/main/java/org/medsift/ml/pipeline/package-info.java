/**
 * Learned entity models inside the clinical pipeline: {@link org.medsift.ml.pipeline.EntityModelAnnotator} (stage
 * {@code ner}, after {@code lexicon}) merges model spans with lexicon mentions by the per-type rules of
 * {@link org.medsift.ml.pipeline.NerCombination}; {@link org.medsift.ml.pipeline.DefaultNerModels} loads the models
 * shipped in the jar; {@link org.medsift.ml.pipeline.NerPipelines} wires them into a pipeline. Offsets are the
 * document's half-open UTF-16 char offsets. Everything here is immutable and thread-safe.
 */
package org.medsift.ml.pipeline;
