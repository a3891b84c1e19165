package org.medsift.io.hl7v2;

/** The encoding characters of a message (MSH-1 and MSH-2) and the unescaping they define. */
final class Delimiters {
    static final Delimiters DEFAULT = new Delimiters('|', '^', '~', '\\', '&');

    final char field;
    final char component;
    final char repetition;
    final char escape;
    final char subcomponent;

    Delimiters(char field, char component, char repetition, char escape, char subcomponent) {
        this.field = field;
        this.component = component;
        this.repetition = repetition;
        this.escape = escape;
        this.subcomponent = subcomponent;
    }

    /** Reads MSH-1 and MSH-2 from a line starting with MSH (or FHS/BHS); null when too short. */
    static Delimiters fromHeader(String line) {
        if (line.length() < 8) {
            return null;
        }
        char f = line.charAt(3);
        String enc = line.substring(4, Math.min(line.length(), 9));
        int bar = enc.indexOf(f);
        if (bar >= 0) {
            enc = enc.substring(0, bar);
        }
        if (enc.length() < 3) {
            return null;
        }
        char sub = enc.length() >= 4 ? enc.charAt(3) : '&';
        return new Delimiters(f, enc.charAt(0), enc.charAt(1), enc.charAt(2), sub);
    }

    /** Unescapes a value; unknown sequences are kept as written (see {@link #unescape(String, StringBuilder, boolean[])}). */
    String unescape(String s) {
        if (s.indexOf(escape) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        unescape(s, sb, new boolean[1]);
        return sb.toString();
    }

    /**
     * Appends the unescaped value of {@code s} to {@code sb}. {@code \.br\} and {@code \.sp\} become line breaks,
     * highlighting ({@code \H\ \N\}) and other formatting commands are removed, {@code \Xhh..\} becomes the bytes as
     * ISO-8859-1 characters. {@code bad[0]} is set when a sequence was unknown or not closed; it is then kept as
     * written, so nothing is lost.
     */
    void unescape(String s, StringBuilder sb, boolean[] bad) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != escape) {
                sb.append(c);
                continue;
            }
            int close = s.indexOf(escape, i + 1);
            if (close < 0) {
                bad[0] = true;
                sb.append(s, i, n);
                return;
            }
            String seq = s.substring(i + 1, close);
            switch (seq) {
                case "F" -> sb.append(field);
                case "S" -> sb.append(component);
                case "T" -> sb.append(subcomponent);
                case "R" -> sb.append(repetition);
                case "E" -> sb.append(escape);
                case "H", "N", ".fi", ".nf", ".ce" -> { }
                case ".br" -> sb.append('\n');
                default -> {
                    if (seq.startsWith(".sp")) {
                        sb.append('\n');
                    } else if (seq.startsWith(".in") || seq.startsWith(".ti") || seq.startsWith("C")
                            || seq.startsWith("M") || seq.startsWith("Z")) {
                        // indentation, character-set switches and local escapes carry no text
                    } else if (seq.startsWith("X") && seq.length() % 2 == 1 && isHex(seq, 1)) {
                        for (int k = 1; k + 1 < seq.length(); k += 2) {
                            sb.append((char) Integer.parseInt(seq.substring(k, k + 2), 16));
                        }
                    } else {
                        bad[0] = true;
                        sb.append(s, i, close + 1);
                    }
                }
            }
            i = close;
        }
    }

    private static boolean isHex(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
