package org.medsift.io.hl7v2;

import java.util.ArrayList;
import java.util.List;

/**
 * One ER7 segment: its name, raw fields (not unescaped) and its char range in the file. Field numbers are HL7's:
 * {@code field(1)} is the first field after the name, and for MSH {@code field(1)} is the field separator itself.
 */
final class Segment {
    final String name;
    final int index;
    final int start;
    final int end;
    private final String[] fields;
    final Delimiters d;

    private Segment(String name, String[] fields, int index, int start, int end, Delimiters d) {
        this.name = name;
        this.fields = fields;
        this.index = index;
        this.start = start;
        this.end = end;
        this.d = d;
    }

    static Segment parse(String line, int index, int start, Delimiters d) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == d.field) {
                parts.add(line.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(line.substring(from));
        String name = parts.get(0);
        String[] fields;
        if (name.equals("MSH") || name.equals("FHS") || name.equals("BHS")) {
            // MSH-1 is the separator; MSH-2 the encoding characters: shift by one
            fields = new String[parts.size() + 1];
            fields[0] = name;
            fields[1] = String.valueOf(d.field);
            for (int i = 1; i < parts.size(); i++) {
                fields[i + 1] = parts.get(i);
            }
        } else {
            fields = parts.toArray(new String[0]);
        }
        return new Segment(name, fields, index, start, start + line.length(), d);
    }

    /** Raw field n (all repetitions), or "" when absent. */
    String field(int n) {
        return n < fields.length ? fields[n] : "";
    }

    int fieldCount() {
        return fields.length - 1;
    }

    /** Repetitions of field n (raw). */
    List<String> repetitions(int n) {
        return split(field(n), d.repetition);
    }

    /** Component c (1-based) of the first repetition of field n, unescaped. */
    String comp(int n, int c) {
        return d.unescape(rawComp(firstRep(field(n)), c));
    }

    /** Component c of a raw field value, unescaped. */
    String comp(String rawField, int c) {
        return d.unescape(rawComp(rawField, c));
    }

    String rawComp(String rawField, int c) {
        List<String> cs = split(rawField, d.component);
        return c - 1 < cs.size() ? cs.get(c - 1) : "";
    }

    /** Subcomponent s of component c, unescaped. */
    String sub(String rawField, int c, int s) {
        List<String> ss = split(rawComp(rawField, c), d.subcomponent);
        return s - 1 < ss.size() ? d.unescape(ss.get(s - 1)) : "";
    }

    String firstRep(String raw) {
        int i = raw.indexOf(d.repetition);
        return i < 0 ? raw : raw.substring(0, i);
    }

    static List<String> split(String s, char c) {
        List<String> out = new ArrayList<>(4);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }
}
