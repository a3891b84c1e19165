package org.medsift.app.output;

import java.io.IOException;

/**
 * A minimal streaming JSON emitter: keys in call order, strings escaped per RFC 8259, optional two-space
 * indentation. Not thread-safe; one per output call.
 */
final class JsonEmitter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    private final boolean pretty;
    /** Per nesting level: whether the container still has no member. */
    private boolean[] empty = new boolean[16];
    private int depth;
    private boolean afterName;

    JsonEmitter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    JsonEmitter beginObject() throws IOException {
        return open('{');
    }

    JsonEmitter endObject() throws IOException {
        return close('}');
    }

    JsonEmitter beginArray() throws IOException {
        return open('[');
    }

    JsonEmitter endArray() throws IOException {
        return close(']');
    }

    JsonEmitter name(String name) throws IOException {
        separate();
        quote(name, out);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    JsonEmitter value(String s) throws IOException {
        if (s == null) {
            return nullValue();
        }
        separate();
        quote(s, out);
        return this;
    }

    JsonEmitter value(long v) throws IOException {
        separate();
        out.append(Long.toString(v));
        return this;
    }

    /** A finite double, rounded to 4 decimals. */
    JsonEmitter value(double v) throws IOException {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no " + v);
        }
        separate();
        out.append(Double.toString(Math.round(v * 10000d) / 10000d));
        return this;
    }

    JsonEmitter value(boolean v) throws IOException {
        separate();
        out.append(v ? "true" : "false");
        return this;
    }

    JsonEmitter nullValue() throws IOException {
        separate();
        out.append("null");
        return this;
    }

    /** Name and string value. */
    JsonEmitter field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    JsonEmitter field(String name, long value) throws IOException {
        return name(name).value(value);
    }

    JsonEmitter field(String name, boolean value) throws IOException {
        return name(name).value(value);
    }

    private JsonEmitter open(char c) throws IOException {
        separate();
        out.append(c);
        if (++depth == empty.length) {
            empty = java.util.Arrays.copyOf(empty, depth * 2);
        }
        empty[depth] = true;
        return this;
    }

    private JsonEmitter close(char c) throws IOException {
        if (depth == 0) {
            throw new IllegalStateException("unbalanced " + c);
        }
        boolean wasEmpty = empty[depth];
        depth--;
        if (pretty && !wasEmpty) {
            newline();
        }
        out.append(c);
        return this;
    }

    /** Writes the comma and indentation before a value or name, unless the value follows its name. */
    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (!empty[depth]) {
            out.append(',');
        }
        empty[depth] = false;
        if (pretty) {
            newline();
        }
    }

    private void newline() throws IOException {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /**
     * Appends {@code s} as a JSON string. Escapes quote, backslash and every control char (U+0000..U+001F, and
     * U+007F), U+2028 and U+2029 (line terminators in JavaScript), and lone surrogates (which UTF-8 cannot
     * encode); other chars, including well-formed surrogate pairs, are written as they are.
     */
    static void quote(CharSequence s, Appendable out) throws IOException {
        out.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = null;
            boolean hex = false;
            if (c == '"') {
                esc = "\\\"";
            } else if (c == '\\') {
                esc = "\\\\";
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                switch (c) {
                    case '\n': esc = "\\n"; break;
                    case '\r': esc = "\\r"; break;
                    case '\t': esc = "\\t"; break;
                    case '\b': esc = "\\b"; break;
                    case '\f': esc = "\\f"; break;
                    default: hex = true;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                hex = true;
            } else if (Character.isLowSurrogate(c)) {
                hex = true;
            } else {
                continue;
            }
            out.append(s, run, i);
            if (hex) {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                out.append(esc);
            }
            run = i + 1;
        }
        out.append(s, run, n);
        out.append('"');
    }
}
