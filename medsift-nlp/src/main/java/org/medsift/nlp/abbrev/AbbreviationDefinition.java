package org.medsift.nlp.abbrev;

/**
 * One abbreviation defined in a text: the short form (e.g. {@code NMS}) and the long form it stands for (e.g.
 * {@code neuroleptic malignant syndrome}), as half-open char offsets into that text.
 *
 * @param shortStart first char of the short form
 * @param shortEnd   end (exclusive) of the short form
 * @param longStart  first char of the long form
 * @param longEnd    end (exclusive) of the long form
 */
public record AbbreviationDefinition(int shortStart, int shortEnd, int longStart, int longEnd) {
    public AbbreviationDefinition {
        if (shortStart < 0 || shortEnd <= shortStart || longStart < 0 || longEnd <= longStart) {
            throw new IllegalArgumentException("bad offsets: short [" + shortStart + ", " + shortEnd + "), long ["
                    + longStart + ", " + longEnd + ")");
        }
    }

    /** The short form's text in {@code text} (the text this definition was found in). */
    public String shortForm(CharSequence text) {
        return text.subSequence(shortStart, shortEnd).toString();
    }

    /** The long form's text in {@code text} (the text this definition was found in). */
    public String longForm(CharSequence text) {
        return text.subSequence(longStart, longEnd).toString();
    }
}
