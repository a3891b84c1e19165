/**
 * Readers of annotated corpora: PubTator ({@link org.medsift.ml.corpus.PubTatorReader}, BC5CDR, NCBI-disease), brat
 * standoff ({@link org.medsift.ml.corpus.BratReader}), BioC XML ({@link org.medsift.ml.corpus.BioCReader}) and CoNLL BIO ({@link org.medsift.ml.corpus.ConllReader}).
 * Each returns {@link org.medsift.ml.corpus.AnnotatedDocument}s: a {@link org.medsift.core.text.Text} and its gold
 * {@link org.medsift.ml.corpus.EntitySpan}s, with half-open UTF-16 char offsets into that text.
 *
 * <p>Gold data is training and scoring input, so a malformed file stops the read with an
 * {@link org.medsift.ml.corpus.AnnotationFormatException} naming the file, the line, the value found and the value
 * expected; nothing is guessed. Readers are stateless and thread-safe.
 */
package org.medsift.ml.corpus;
