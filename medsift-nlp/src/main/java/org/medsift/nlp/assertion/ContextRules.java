package org.medsift.nlp.assertion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.tokenize.ClinicalTokenizer;

/**
 * The trigger rules of the context annotator, compiled once into a word trie: the bundled
 * {@code context-rules.tsv}, optionally extended by site files. The file format is documented in
 * {@code docs/context-rules.md}: one rule per line, {@code phrase<TAB>CATEGORY<TAB>DIRECTION<TAB>maxScope[<TAB>notes]},
 * {@code #} comments and blank lines ignored.
 *
 * <p>When several files are combined, later lines win: a line with the same phrase and category as an earlier one
 * replaces it; a {@code PSEUDO} or {@code TERMINATE} line replaces every earlier rule of its phrase, and a value
 * line replaces an earlier {@code PSEUDO} or {@code TERMINATE} line of its phrase. So a site can switch a default
 * trigger off by listing its phrase as {@code PSEUDO}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContextRules {
    /** Class-path location of the bundled rules. */
    public static final String DEFAULT_RESOURCE = "org/medsift/nlp/assertion/context-rules.tsv";
    /** Largest allowed {@code maxScope}, in tokens. */
    static final int MAX_SCOPE = 200;
    /** Largest allowed phrase length, in tokens. */
    static final int MAX_PHRASE_TOKENS = 10;

    private final List<TriggerRule> rules;
    private final TriggerIndex index;

    private ContextRules(List<TriggerRule> rules) {
        this.rules = List.copyOf(rules);
        this.index = new TriggerIndex(this.rules);
    }

    /** The bundled rules, loaded and compiled on first use and shared afterwards. */
    public static ContextRules defaults() {
        return Defaults.INSTANCE;
    }

    /**
     * The bundled rules followed by each site file in order (UTF-8), later lines overriding earlier ones as described
     * in the class documentation. Rule ids of site lines name the file (its file name) and line.
     *
     * @throws PipelineConfigurationException naming {@code file:line}, the bad value and the allowed values
     * @throws UncheckedIOException           when a file cannot be read
     */
    public static ContextRules withSiteRules(List<Path> files) {
        List<TriggerRule> all = new ArrayList<>(Defaults.INSTANCE.rules);
        for (Path file : files) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.addAll(read(r, file.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read context rules " + file, e);
            }
        }
        return new ContextRules(merge(all));
    }

    /**
     * Rules read from {@code reader} alone (without the defaults); for tests and tools. The reader is read fully but
     * not closed.
     *
     * @param name the source name used in rule ids and messages ({@code name:line})
     * @throws PipelineConfigurationException naming {@code name:line}, the bad value and the allowed values
     */
    public static ContextRules parse(Reader reader, String name) {
        try {
            return new ContextRules(merge(read(reader, name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read context rules " + name, e);
        }
    }

    /** The rules in effect, in file order. */
    List<TriggerRule> rules() {
        return rules;
    }

    TriggerIndex index() {
        return index;
    }

    /** Number of rules in effect. */
    public int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        return "ContextRules[" + rules.size() + " rules]";
    }

    private static List<TriggerRule> read(Reader reader, String name) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<TriggerRule> out = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean first = true;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (first && cols[0].strip().equalsIgnoreCase("phrase")) {
                first = false;
                continue;
            }
            first = false;
            out.add(parseLine(cols, name + ":" + lineNo));
        }
        return out;
    }

    private static TriggerRule parseLine(String[] cols, String where) {
        if (cols.length < 4 || cols.length > 5) {
            throw bad(where, "found " + cols.length + " tab-separated columns; expected 4 or 5: "
                    + "phrase, category, direction, max scope, optional notes");
        }
        String phrase = cols[0].strip();
        if (phrase.isEmpty()) {
            throw bad(where, "the phrase is empty");
        }
        List<String> words = phraseWords(phrase);
        if (words.isEmpty() || words.size() > MAX_PHRASE_TOKENS) {
            throw bad(where, "phrase '" + phrase + "' has " + words.size() + " tokens; allowed 1 to "
                    + MAX_PHRASE_TOKENS);
        }
        TriggerCategory category = parseEnum(TriggerCategory.class, cols[1], where, "category");
        boolean marker = !category.setsValue();
        String dir = cols[2].strip();
        String scope = cols[3].strip();
        Direction direction;
        int maxScope;
        if (marker && (dir.equals("-") || dir.isEmpty())) {
            direction = Direction.FORWARD;
        } else {
            direction = parseEnum(Direction.class, dir, where, "direction");
        }
        if (marker && (scope.equals("-") || scope.isEmpty())) {
            maxScope = 0;
        } else {
            maxScope = parseScope(scope, where, marker);
        }
        String notes = cols.length == 5 ? cols[4].strip() : "";
        Set<SectionType> sections = EnumSet.noneOf(SectionType.class);
        Set<TriggerCategory> ends = EnumSet.noneOf(TriggerCategory.class);
        // leading key=value words of the notes are directives
        for (String word : notes.split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                break;
            }
            String key = word.substring(0, eq);
            String[] values = word.substring(eq + 1).split(",", -1);
            if (key.equals("sections")) {
                for (String v : values) {
                    sections.add(parseEnum(SectionType.class, v, where, "section type in 'sections='"));
                }
            } else if (key.equals("ends") && category == TriggerCategory.TERMINATE) {
                for (String v : values) {
                    TriggerCategory c = parseEnum(TriggerCategory.class, v, where, "category in 'ends='");
                    if (!c.setsValue()) {
                        throw bad(where, "category in 'ends=' '" + v + "' is not a value category");
                    }
                    ends.add(c);
                }
            } else {
                throw bad(where, "notes directive '" + key + "=' is not one of [sections=, ends= (TERMINATE only)]");
            }
        }
        if (category == TriggerCategory.TERMINATE && ends.isEmpty()) {
            for (TriggerCategory c : TriggerCategory.values()) {
                if (c.setsValue()) {
                    ends.add(c);
                }
            }
        }
        return new TriggerRule(phrase, words, category, direction, maxScope, sections, ends, notes, where);
    }

    private static int parseScope(String s, String where, boolean marker) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            v = -1;
        }
        int min = marker ? 0 : 1;
        if (v < min || v > MAX_SCOPE) {
            throw bad(where, "max scope '" + s + "' is not an integer from " + min + " to " + MAX_SCOPE
                    + (marker ? " (or '-')" : ""));
        }
        return v;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String where, String what) {
        String s = raw.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        throw bad(where, what + " '" + s + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static PipelineConfigurationException bad(String where, String message) {
        return new PipelineConfigurationException("context rules " + where + ": " + message);
    }

    /** Applies the override semantics of the class documentation, keeping first-appearance order. */
    private static List<TriggerRule> merge(List<TriggerRule> lines) {
        Map<String, TriggerRule> byKey = new LinkedHashMap<>();
        for (TriggerRule r : lines) {
            String phraseKey = String.join(" ", r.words());
            boolean marker = !r.category().setsValue();
            for (TriggerCategory c : TriggerCategory.values()) {
                if (marker || !c.setsValue() || c == r.category()) {
                    byKey.remove(phraseKey + '\u0000' + c);
                }
            }
            byKey.put(phraseKey + '\u0000' + r.category(), r);
        }
        return Collections.unmodifiableList(new ArrayList<>(byKey.values()));
    }

    private static final class Defaults {
        static final ContextRules INSTANCE = load();

        private static ContextRules load() {
            try (InputStream in = ContextRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled context rules " + DEFAULT_RESOURCE + " are missing");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "context-rules.tsv");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled context rules " + DEFAULT_RESOURCE, e);
            }
        }
    }

    /**
     * The lower-cased words of a phrase, tokenized as notes are. The word {@value TriggerIndex#YEAR_WORD} (written
     * between spaces) stands for any year token from 1900 to 2099 ("in &lt;year&gt;", "since &lt;year&gt;").
     */
    static List<String> phraseWords(String phrase) {
        List<String> words = new ArrayList<>();
        for (String chunk : phrase.split(" +")) {
            if (chunk.equalsIgnoreCase(TriggerIndex.YEAR_WORD)) {
                words.add(TriggerIndex.YEAR_WORD);
                continue;
            }
            TokenTable tokens = ClinicalTokenizer.tokenize(chunk);
            for (int i = 0; i < tokens.size(); i++) {
                words.add(TriggerIndex.lower(chunk.substring(tokens.start(i), tokens.end(i))));
            }
        }
        return words;
    }
}
