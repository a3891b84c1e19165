/**
 * Importer of UMLS Metathesaurus RRF releases ({@code MRCONSO.RRF}, {@code MRSTY.RRF}, {@code MRSAB.RRF}) and the
 * UMLS semantic type to group table; {@link org.medsift.vocab.umls.ConsoReader} also reads RxNorm's
 * {@code RXNCONSO.RRF}, which has the same layout.
 */
package org.medsift.vocab.umls;
