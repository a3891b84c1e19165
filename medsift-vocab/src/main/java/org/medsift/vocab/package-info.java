/**
 * Vocabulary: term normalization, the compiled memory-mapped lexicon, and its builder.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link org.medsift.vocab.TermNormalizer} is the single normalization function. A lexicon is built from
 *   normalized words and the matcher looks up normalized words, so both sides always agree; lexicons record the
 *   normalizer version and matchers reject a mismatch.</li>
 *   <li>{@link org.medsift.vocab.LexiconBuilder} collects concepts (id, preferred name,
 *   {@link org.medsift.core.model.SemanticGroup}, codes, source) and their terms
 *   ({@link org.medsift.vocab.TermKind}) from any number of sources, and writes a deterministic binary file:
 *   the same input gives the same bytes.</li>
 *   <li>{@link org.medsift.vocab.Lexicon} reads that file from a {@link java.nio.ByteBuffer} (memory-mapped by
 *   {@link org.medsift.vocab.Lexicon#open}). Opening checks the magic {@code MSLX}, the format version (unknown
 *   versions are rejected, naming both versions) and the bounds of every array, and parses nothing else; strings
 *   are decoded on request. The header carries a CRC-32C of the rest of the file, checked by
 *   {@link org.medsift.vocab.Lexicon#verifyChecksum} (and by {@link org.medsift.vocab.Lexicon#read}). Lexicons are immutable and thread-safe.</li>
 * </ul>
 *
 * <h2>Format</h2>
 * Little-endian; a header ({@code MSLX}, format version, total length, array count, checksum, array table) and 4-byte aligned arrays:
 * a UTF-8 string pool, the sorted word vocabulary with an open-addressing hash table over word chars, terms
 * (word ids, text, kind, concept, source, written form of abbreviations), concepts (id, name, group, source,
 * codes, terms, ambiguity cue words), a trie over word-id sequences in order, an order-free index (sorted
 * content word ids of multi-word names), and a deletion-neighbourhood index (edit distance 1) over vocabulary
 * words of 8 letters or more. Files are limited to 2 GiB.
 *
 * <p>Arguments are non-null unless documented otherwise.
 */
package org.medsift.vocab;
