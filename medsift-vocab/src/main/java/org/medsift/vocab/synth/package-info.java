/**
 * A generator of a synthetic UMLS-scale source in RRF, for benchmarks ({@link org.medsift.vocab.synth.SyntheticUmls};
 * {@code medsift lexicon synth}). Never used at run time.
 */
package org.medsift.vocab.synth;
