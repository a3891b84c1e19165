package org.medsift.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The word lexicon built at build time by {@code org.medsift.deid.build.NameLexiconBuild} (Datafaker 2.4.2 locale
 * name lists, Synthea 3.0.0 names and US geography): lower-cased word or place name to a bit set of flags.
 * Immutable and thread-safe once loaded.
 */
final class WordLexicon {
    static final String RESOURCE = "/org/medsift/deid/names.tsv";
    static final int FIRST = 1;
    static final int LAST = 2;
    static final int CITY = 4;
    static final int ENGLISH = 8;
    static final int COUNTRY = 16;
    static final int STATE = 32;
    /** A lower-case WordNet lemma or inflection: a dictionary word, so a capitalized one is not an unknown word. */
    static final int DICT = 64;
    /** A dictionary word seen at least 3 times in WordNet's sense-tagged corpus ("later", "hope", "key"). */
    static final int FREQUENT = 128;

    private final KeyTable flags;
    /** Surrogate pools: plain Latin-letter listed names and cities, capitalized, sorted (deterministic picks). */
    final String[] firstNames;
    final String[] lastNames;
    final String[] cities;

    private WordLexicon(Map<String, Integer> flags) {
        this.flags = new KeyTable(flags);
        java.util.List<String> f = new java.util.ArrayList<>();
        java.util.List<String> l = new java.util.ArrayList<>();
        java.util.List<String> c = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(flags).entrySet()) {
            String w = e.getKey();
            int v = e.getValue();
            if (!w.matches("[a-z]{3,12}") || (v & ENGLISH) != 0) {
                continue;
            }
            String cap = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            if ((v & FIRST) != 0) {
                f.add(cap);
            }
            if ((v & LAST) != 0) {
                l.add(cap);
            }
            if ((v & CITY) != 0 && (v & (FIRST | LAST)) == 0) {
                c.add(cap);
            }
        }
        firstNames = f.toArray(String[]::new);
        lastNames = l.toArray(String[]::new);
        cities = c.toArray(String[]::new);
    }

    private static final class Holder {
        static final WordLexicon INSTANCE = load();
    }

    static WordLexicon get() {
        return Holder.INSTANCE;
    }

    private static WordLexicon load() {
        try (InputStream in = WordLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the de-identification lexicon " + RESOURCE
                        + " is missing from the classpath; rebuild medsift-deid with Maven");
            }
            Map<String, Integer> m = new HashMap<>(1 << 18);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                int f = 0;
                for (int i = tab + 1; i < line.length(); i++) {
                    f |= switch (line.charAt(i)) {
                        case 'F' -> FIRST;
                        case 'L' -> LAST;
                        case 'C' -> CITY;
                        case 'E' -> ENGLISH;
                        case 'N' -> COUNTRY;
                        case 'S' -> STATE;
                        case 'W' -> DICT;
                        case 'H' -> FREQUENT;
                        default -> 0;
                    };
                }
                m.put(line.substring(0, tab), f);
            }
            return new WordLexicon(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Flags of a word or phrase (any case), 0 when unknown. */
    int flags(String word) {
        return flags.get(word, 0, word.length(), 0);
    }

    /** Flags of a region of a text (any case), 0 when unknown; no substring is built. */
    int flags(CharSequence s, int off, int len) {
        return flags.get(s, off, len, 0);
    }

    int size() {
        return flags.size();
    }
}
