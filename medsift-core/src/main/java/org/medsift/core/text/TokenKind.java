package org.medsift.core.text;

/**
 * Token kinds stored as {@code byte} in {@link TokenTable}. Constants, not an enum, so the table stays primitive.
 */
public final class TokenKind {
    /** Letters, possibly with inner apostrophes or hyphens ({@code patient}, {@code O'Brien}, {@code non-tender}). */
    public static final byte WORD = 1;
    /** An integer or decimal number ({@code 12}, {@code 0.125}, {@code 1,000}). */
    public static final byte NUMBER = 2;
    /** Letters and digits mixed ({@code q6h}, {@code B12}, {@code T2DM}, {@code 3rd}). */
    public static final byte ALNUM = 3;
    /** An abbreviation written with periods ({@code b.i.d.}, {@code Dr.}, {@code p.o.}, {@code e.g.}). */
    public static final byte ABBREVIATION = 4;
    /** Punctuation ({@code . , ; : ! ? ( ) [ ] " '}). */
    public static final byte PUNCT = 5;
    /** Symbols and operators ({@code / + - % < > = # & * ~}). */
    public static final byte SYMBOL = 6;
    /** A date, time or fraction-like numeric pattern ({@code 03/14/2021}, {@code 10:30}, {@code 120/80}). */
    public static final byte NUMERIC_PATTERN = 7;
    /** A de-identification placeholder ({@code **NAME[AAA, BBB M]}, {@code [**Hospital 123**]}, {@code ___}). */
    public static final byte PLACEHOLDER = 8;
    /** Anything else that is not whitespace (emoji, control characters, unpaired surrogates). */
    public static final byte OTHER = 9;

    private TokenKind() {
    }

    /** A short name for debugging and JSON, e.g. {@code "WORD"}. */
    public static String name(byte kind) {
        switch (kind) {
            case WORD: return "WORD";
            case NUMBER: return "NUMBER";
            case ALNUM: return "ALNUM";
            case ABBREVIATION: return "ABBREVIATION";
            case PUNCT: return "PUNCT";
            case SYMBOL: return "SYMBOL";
            case NUMERIC_PATTERN: return "NUMERIC_PATTERN";
            case PLACEHOLDER: return "PLACEHOLDER";
            case OTHER: return "OTHER";
            default: return "UNKNOWN(" + kind + ")";
        }
    }
}
