/** Importer of RxNorm RRF releases ({@code RXNCONSO.RRF}); see {@link org.medsift.vocab.rxnorm.RxNormImporter}. */
package org.medsift.vocab.rxnorm;
