/**
 * Abbreviations defined in the text itself: {@link org.medsift.nlp.abbrev.AbbreviationDefinitions} finds
 * "long form (SF)" and "SF (long form)" pairs with the Schwartz and Hearst (2003) algorithm and the later uses of
 * each short form, so that a later "SF" can be read as its long form.
 *
 * <p>Offsets are UTF-16 {@code char} indices into the text given, half-open {@code [start, end)}. JDK only,
 * stateless and thread-safe; no substrings or regular expressions in the scan.
 */
package org.medsift.nlp.abbrev;
