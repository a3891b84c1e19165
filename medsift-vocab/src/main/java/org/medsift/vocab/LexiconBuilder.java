package org.medsift.vocab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;

/**
 * Collects concepts and terms from any number of sources and compiles them into a {@link Lexicon}.
 *
 * <pre>{@code
 * LexiconBuilder b = new LexiconBuilder("medsift-default", "0.1.0")
 *         .addSource("curated", "Medsift curated clinical lexicon 0.1.0");
 * b.concept("medsift:dis_asthma", "Asthma", SemanticGroup.DISORDER, "curated")
 *         .addCode(new Code(CodeSystems.SNOMED_CT, "195967001", "Asthma"))
 *         .addTerm("bronchial asthma", TermKind.NAME, "curated");
 * b.write(Path.of("medsift-default.mslx"));
 * }</pre>
 *
 * <p>The output is deterministic: the same concepts, terms and codes give a byte-identical file whatever order
 * concepts were created in (concepts are sorted by id; each concept keeps its terms and codes in insertion order).
 * Terms are normalized with {@link TermNormalizer}, the same function the matcher uses.
 *
 * <p>Not thread-safe. Invalid arguments (unknown source, null or blank values, a term without words) throw
 * {@link IllegalArgumentException}: importers check their input and report bad records as problems before
 * calling the builder.
 */
public final class LexiconBuilder {
    private final String name;
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, ConceptEntry> concepts = new HashMap<>();
    private final Map<String, ConceptEntry> byCode = new HashMap<>();
    private final Map<String, List<ConceptEntry>> byTerm = new HashMap<>();
    private final TermNormalizer normalizer = TermNormalizer.standard();
    private int termCount;

    /**
     * A builder for a lexicon with this name and version (both appear in mention provenance,
     * {@code lexicon:<name>@<version>/<source>}).
     */
    public LexiconBuilder(String name, String version) {
        this.name = requireText(name, "lexicon name");
        this.version = requireText(version, "lexicon version");
    }

    /**
     * Registers a source; every concept and term names the source it came from. Adding the same id again with the
     * same description does nothing.
     *
     * @param sourceId    short id ({@code synthea}, {@code curated}); appears in mention provenance
     * @param description what the source is, with its version
     * @throws IllegalArgumentException when the id is already registered with another description
     */
    public LexiconBuilder addSource(String sourceId, String description) {
        requireText(sourceId, "source id");
        Objects.requireNonNull(description, "description");
        String old = sources.putIfAbsent(sourceId, description);
        if (old != null && !old.equals(description)) {
            throw new IllegalArgumentException("source '" + sourceId + "' is already registered as '" + old
                    + "', not '" + description + "'");
        }
        return this;
    }

    /**
     * Gets or creates a concept by id. The first call fixes the preferred name, group and source, and adds the
     * preferred name as a {@link TermKind#NAME} term; later calls return the same entry and ignore those
     * arguments.
     *
     * @param conceptId     {@code SYSTEM:code} for coded concepts ({@code SNOMEDCT:22298006}), or
     *                      {@code medsift:<local id>}
     * @param preferredName the display name; must contain at least one word
     * @param group         the semantic group
     * @param sourceId      a source registered with {@link #addSource}
     * @throws IllegalArgumentException when an argument is null or blank, the source is unknown or the preferred
     *                                  name has no words
     */
    public ConceptEntry concept(String conceptId, String preferredName, SemanticGroup group, String sourceId) {
        requireText(conceptId, "concept id");
        ConceptEntry e = concepts.get(conceptId);
        if (e != null) {
            return e;
        }
        requireText(preferredName, "preferred name");
        Objects.requireNonNull(group, "group");
        requireSource(sourceId);
        e = new ConceptEntry(this, conceptId, preferredName, group, sourceId);
        e.addTerm(preferredName, TermKind.NAME, sourceId);
        concepts.put(conceptId, e);
        return e;
    }

    /** The first concept that was given this code, or empty. */
    public Optional<ConceptEntry> findByCode(String system, String code) {
        return Optional.ofNullable(byCode.get(system + '|' + code));
    }

    /**
     * Concepts that already have a term with the same normalized words as {@code term} (any kind), in the order
     * they got it; empty when none. For merging sources on names.
     */
    public List<ConceptEntry> findByTerm(String term) {
        List<ConceptEntry> found = byTerm.get(String.join(" ", normalizer.words(term)));
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Number of concepts so far. */
    public int conceptCount() {
        return concepts.size();
    }

    /** Number of terms so far (duplicates not counted). */
    public int termCount() {
        return termCount;
    }

    /** Compiles the lexicon in memory; the buffer holds the same bytes {@link #write(Path)} writes. */
    public Lexicon build() {
        try {
            return Lexicon.wrap(ByteBuffer.wrap(compile()));
        } catch (LexiconFormatException e) {
            throw new IllegalStateException("builder produced an unreadable lexicon: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles the lexicon and writes it to {@code file} (through a temporary file in the same directory, moved
     * into place, so readers never see half a file).
     */
    public void write(Path file) throws IOException {
        byte[] bytes = compile();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String requireSource(String sourceId) {
        if (sourceId == null || !sources.containsKey(sourceId)) {
            throw new IllegalArgumentException("unknown source '" + sourceId + "'; registered: " + sources.keySet()
                    + " (call addSource first)");
        }
        return sourceId;
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank, was " + (s == null ? "null"
                    : "'" + s + "'"));
        }
        return s;
    }

    /** A concept being built. Obtained from {@link LexiconBuilder#concept}; not thread-safe. */
    /**
     * Whether a word may take part in order-free matching: letters only, at least three of them, and not a
     * connective or negation, whose position carries meaning ("C3 and C4" must not match "C3-C4 and", nor
     * "45,X" match "x 45").
     */
    static boolean reorderable(String word) {
        if (word.length() < 3 || NOT_REORDERABLE.contains(word)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<String> NOT_REORDERABLE =
            java.util.Set.of("and", "not", "non", "without", "nor", "plus", "per", "use", "due");

    public static final class ConceptEntry {
        private final LexiconBuilder owner;
        private final String id;
        private final String preferredName;
        private final SemanticGroup group;
        private final String sourceId;
        private final List<Code> codes = new ArrayList<>(2);
        private final List<TermEntry> terms = new ArrayList<>(4);
        private final Set<String> termKeys = new HashSet<>();

        private ConceptEntry(LexiconBuilder owner, String id, String preferredName, SemanticGroup group,
                String sourceId) {
            this.owner = owner;
            this.id = id;
            this.preferredName = preferredName;
            this.group = group;
            this.sourceId = sourceId;
        }

        public String id() {
            return id;
        }

        public String preferredName() {
            return preferredName;
        }

        public SemanticGroup group() {
            return group;
        }

        /** Codes added so far, in order. */
        public List<Code> codes() {
            return List.copyOf(codes);
        }

        /** Adds a code (a code already present, same system and code, is ignored). */
        public ConceptEntry addCode(Code code) {
            Objects.requireNonNull(code, "code");
            for (Code c : codes) {
                if (c.system().equals(code.system()) && c.code().equals(code.code())) {
                    return this;
                }
            }
            codes.add(code);
            owner.byCode.putIfAbsent(code.system() + '|' + code.code(), this);
            return this;
        }

        /**
         * Adds a term. A term with the same normalized words and kind as one this concept already has is ignored.
         *
         * @throws IllegalArgumentException when the term is blank or has no words after normalization (e.g.
         *                                  {@code "--"}), or the source is not registered
         */
        public ConceptEntry addTerm(String term, TermKind kind, String sourceId) {
            requireText(term, "term");
            Objects.requireNonNull(kind, "kind");
            owner.requireSource(sourceId);
            List<String> words = owner.normalizer.words(term);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("term '" + term + "' of concept " + id
                        + " has no words after normalization");
            }
            String key = String.join(" ", words);
            if (!termKeys.add(key + '\u0000' + kind)) {
                return this;
            }
            terms.add(new TermEntry(TermNormalizer.stripSemanticTag(term), kind, sourceId, words));
            owner.termCount++;
            List<ConceptEntry> list = owner.byTerm.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(this)) {
                list.add(this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "ConceptEntry[" + id + ", " + group + ", " + terms.size() + " terms]";
        }
    }

    private record TermEntry(String text, TermKind kind, String sourceId, List<String> words) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // compilation

    private byte[] compile() {
        List<ConceptEntry> cs = new ArrayList<>(concepts.values());
        cs.sort((a, b) -> a.id.compareTo(b.id));
        List<String> sourceIds = new ArrayList<>(sources.keySet());
        Map<String, Integer> sourceIndex = new HashMap<>();
        for (int i = 0; i < sourceIds.size(); i++) {
            sourceIndex.put(sourceIds.get(i), i);
        }

        // vocabulary: every term word, the stop words and the group cue words, sorted
        TreeSet<String> vocab = new TreeSet<>(TermNormalizer.STOP_WORDS);
        Map<SemanticGroup, List<String>> groupCues = new LinkedHashMap<>();
        for (SemanticGroup g : SemanticGroup.values()) {
            List<String> ws = new ArrayList<>();
            for (String cue : GroupCues.DEFAULT.getOrDefault(g, List.of())) {
                ws.addAll(normalizer.words(cue));
            }
            vocab.addAll(ws);
            groupCues.put(g, ws);
        }
        for (ConceptEntry c : cs) {
            for (TermEntry t : c.terms) {
                vocab.addAll(t.words);
            }
        }
        String[] words = vocab.toArray(new String[0]);
        Map<String, Integer> wordId = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            wordId.put(words[i], i);
        }
        int[] wordFlags = new int[words.length];
        for (String s : TermNormalizer.STOP_WORDS) {
            wordFlags[wordId.get(s)] |= Format.FLAG_STOP;
        }

        Strings strings = new Strings();
        IntList meta = new IntList();
        strings.ref(name, meta);
        strings.ref(version, meta);
        meta.add(TermNormalizer.VERSION);
        int maxWindowAt = meta.size();
        meta.add(0);
        meta.add(sourceIds.size());
        for (String s : sourceIds) {
            strings.ref(s, meta);
            strings.ref(sources.get(s), meta);
        }

        // word chars, then forms
        StringBuilder chars = new StringBuilder();
        IntList wordRecs = new IntList();
        for (int i = 0; i < words.length; i++) {
            wordRecs.add(chars.length());
            wordRecs.add(words[i].length());
            chars.append(words[i]);
        }

        // terms, concepts, codes
        IntList termRecs = new IntList();
        IntList termWords = new IntList();
        IntList conceptRecs = new IntList();
        IntList codeRecs = new IntList();
        IntList cues = new IntList();
        List<int[]> termIds = new ArrayList<>();
        List<TermEntry> allTerms = new ArrayList<>();
        int termIndex = 0;
        for (int ci = 0; ci < cs.size(); ci++) {
            ConceptEntry c = cs.get(ci);
            strings.ref(c.id, conceptRecs);
            strings.ref(c.preferredName, conceptRecs);
            conceptRecs.add(c.group.ordinal() << 16 | sourceIndex.get(c.sourceId));
            conceptRecs.add(codeRecs.size() / Format.CODE_INTS);
            conceptRecs.add(c.codes.size());
            for (Code code : c.codes) {
                strings.ref(code.system(), codeRecs);
                strings.ref(code.code(), codeRecs);
                strings.ref(code.display(), codeRecs);
            }
            conceptRecs.add(termIndex);
            conceptRecs.add(c.terms.size());
            boolean ambiguous = false;
            for (TermEntry t : c.terms) {
                int[] ids = new int[t.words.size()];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = wordId.get(t.words.get(k));
                }
                termIds.add(ids);
                allTerms.add(t);
                termRecs.add(termWords.size());
                termRecs.add(ids.length);
                termWords.addAll(ids);
                strings.ref(t.text, termRecs);
                termRecs.add(ci);
                termRecs.add(t.kind.ordinal() << 16 | sourceIndex.get(t.sourceId));
                if (t.kind == TermKind.ABBREVIATION || t.kind == TermKind.AMBIGUOUS) {
                    String form = form(t.text);
                    termRecs.add(chars.length());
                    termRecs.add(form.length());
                    chars.append(form);
                } else {
                    termRecs.add(0);
                    termRecs.add(0);
                }
                ambiguous |= t.kind == TermKind.AMBIGUOUS;
                termIndex++;
            }
            // cue words of a concept with ambiguous forms: content words of its other terms
            int cueStart = cues.size();
            if (ambiguous) {
                TreeSet<Integer> own = new TreeSet<>();
                Set<String> ambiguousWords = new HashSet<>();
                for (TermEntry t : c.terms) {
                    if (t.kind == TermKind.AMBIGUOUS) {
                        ambiguousWords.addAll(t.words);
                    }
                }
                for (TermEntry t : c.terms) {
                    if (t.kind == TermKind.AMBIGUOUS) {
                        continue;
                    }
                    for (String w : t.words) {
                        if (w.length() >= 3 && !TermNormalizer.STOP_WORDS.contains(w) && !ambiguousWords.contains(w)) {
                            own.add(wordId.get(w));
                        }
                    }
                }
                for (int w : own) {
                    cues.add(w);
                }
            }
            conceptRecs.add(cueStart);
            conceptRecs.add(cues.size() - cueStart);
            conceptRecs.add(0);
        }
        IntList groupCueRecs = new IntList();
        for (SemanticGroup g : SemanticGroup.values()) {
            TreeSet<Integer> ids = new TreeSet<>();
            for (String w : groupCues.get(g)) {
                ids.add(wordId.get(w));
            }
            groupCueRecs.add(cues.size());
            groupCueRecs.add(ids.size());
            for (int id : ids) {
                cues.add(id);
            }
        }

        // trie over word-id sequences
        List<IntList> nodeTerms = new ArrayList<>();
        nodeTerms.add(new IntList());
        Map<Long, Integer> edges = new LinkedHashMap<>();
        for (int t = 0; t < termIds.size(); t++) {
            int node = 0;
            for (int w : termIds.get(t)) {
                long key = (long) node << 32 | w;
                Integer child = edges.get(key);
                if (child == null) {
                    child = nodeTerms.size();
                    nodeTerms.add(new IntList());
                    edges.put(key, child);
                }
                node = child;
            }
            nodeTerms.get(node).add(t);
        }
        IntList nodeRecs = new IntList();
        IntList nodeTermList = new IntList();
        for (IntList ts : nodeTerms) {
            nodeRecs.add(nodeTermList.size());
            nodeRecs.add(ts.size());
            nodeTermList.addAll(ts.toArray());
        }
        int edgeCap = Hashing.capacity(edges.size());
        int[] edgeSlots = new int[edgeCap * 3];
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            int parent = (int) (e.getKey() >>> 32);
            int word = (int) (long) e.getKey();
            int slot = Hashing.edge(parent, word) & (edgeCap - 1);
            while (edgeSlots[slot * 3] != 0) {
                slot = (slot + 1) & (edgeCap - 1);
            }
            edgeSlots[slot * 3] = parent + 1;
            edgeSlots[slot * 3 + 1] = word;
            edgeSlots[slot * 3 + 2] = e.getValue();
        }

        // order-free keys: sorted content words of multi-word names with at least two content words
        Map<IntKey, IntList> keys = new LinkedHashMap<>();
        int maxWindow = 0;
        for (int t = 0; t < termIds.size(); t++) {
            TermEntry te = allTerms.get(t);
            if (te.kind != TermKind.NAME && te.kind != TermKind.BRAND) {
                continue;
            }
            int[] ids = termIds.get(t);
            int[] content = Arrays.stream(ids).filter(w -> (wordFlags[w] & Format.FLAG_STOP) == 0).sorted().toArray();
            if (content.length < 2 || !Arrays.stream(content).allMatch(w -> reorderable(words[w]))) {
                continue;
            }
            keys.computeIfAbsent(new IntKey(content), k -> new IntList()).add(t);
            for (int w : content) {
                wordFlags[w] |= Format.FLAG_REORDER;
            }
            maxWindow = Math.max(maxWindow, ids.length + Format.REORDER_SLACK);
        }
        meta.set(maxWindowAt, maxWindow);
        IntList keyRecs = new IntList();
        IntList keyWords = new IntList();
        IntList keyTerms = new IntList();
        int keyCap = Hashing.capacity(keys.size());
        int[] keySlots = new int[keyCap];
        int k = 0;
        for (Map.Entry<IntKey, IntList> e : keys.entrySet()) {
            int[] ws = e.getKey().ids;
            keyRecs.add(keyWords.size());
            keyRecs.add(ws.length);
            keyRecs.add(keyTerms.size());
            keyRecs.add(e.getValue().size());
            keyWords.addAll(ws);
            keyTerms.addAll(e.getValue().toArray());
            int slot = Hashing.ints(ws, 0, ws.length) & (keyCap - 1);
            while (keySlots[slot] != 0) {
                slot = (slot + 1) & (keyCap - 1);
            }
            keySlots[slot] = ++k;
        }

        // word records with flags, and the word hash table
        for (int i = 0; i < words.length; i++) {
            wordRecs.set(i * 2 + 1, words[i].length() | wordFlags[i] << 24);
        }
        int wordCap = Hashing.capacity(words.length);
        int[] wordSlots = new int[wordCap];
        for (int i = 0; i < words.length; i++) {
            int slot = Hashing.chars(words[i], 0, words[i].length()) & (wordCap - 1);
            while (wordSlots[slot] != 0) {
                slot = (slot + 1) & (wordCap - 1);
            }
            wordSlots[slot] = i + 1;
        }

        // concept id table
        int conceptCap = Hashing.capacity(cs.size());
        int[] conceptSlots = new int[conceptCap];
        for (int i = 0; i < cs.size(); i++) {
            String id = cs.get(i).id;
            int slot = Hashing.chars(id, 0, id.length()) & (conceptCap - 1);
            while (conceptSlots[slot] != 0) {
                slot = (slot + 1) & (conceptCap - 1);
            }
            conceptSlots[slot] = i + 1;
        }

        // deletion neighbourhood of long words
        IntList fuzzy = new IntList();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() < Format.FUZZY_MIN_LENGTH || !allLetters(w)) {
                continue;
            }
            char[] cw = w.toCharArray();
            TreeSet<Integer> hashes = new TreeSet<>();
            hashes.add(Hashing.chars(cw, 0, cw.length));
            for (int d = 0; d < cw.length; d++) {
                hashes.add(Hashing.charsSkipping(cw, 0, cw.length, d));
            }
            for (int h : hashes) {
                fuzzy.add(h);
                fuzzy.add(i + 1);
            }
        }
        int fuzzyCap = Hashing.capacity(fuzzy.size() / 2);
        int[] fuzzySlots = new int[fuzzyCap * 2];
        for (int e = 0; e < fuzzy.size(); e += 2) {
            int h = fuzzy.get(e);
            int slot = h & (fuzzyCap - 1);
            while (fuzzySlots[slot * 2 + 1] != 0) {
                slot = (slot + 1) & (fuzzyCap - 1);
            }
            fuzzySlots[slot * 2] = h;
            fuzzySlots[slot * 2 + 1] = fuzzy.get(e + 1);
        }

        // assemble
        Object[] arrays = new Object[Format.ARRAY_COUNT];
        arrays[Format.META] = meta.toArray();
        arrays[Format.STRINGS] = strings.bytes();
        arrays[Format.WORDS] = wordRecs.toArray();
        arrays[Format.WORD_SLOTS] = wordSlots;
        arrays[Format.CHARS] = chars.toString().toCharArray();
        arrays[Format.TERMS] = termRecs.toArray();
        arrays[Format.TERM_WORDS] = termWords.toArray();
        arrays[Format.CONCEPTS] = conceptRecs.toArray();
        arrays[Format.CONCEPT_SLOTS] = conceptSlots;
        arrays[Format.CODES] = codeRecs.toArray();
        arrays[Format.CUES] = cues.toArray();
        arrays[Format.GROUP_CUES] = groupCueRecs.toArray();
        arrays[Format.NODES] = nodeRecs.toArray();
        arrays[Format.NODE_TERMS] = nodeTermList.toArray();
        arrays[Format.EDGES] = edgeSlots;
        arrays[Format.KEYS] = keyRecs.toArray();
        arrays[Format.KEY_WORDS] = keyWords.toArray();
        arrays[Format.KEY_TERMS] = keyTerms.toArray();
        arrays[Format.KEY_SLOTS] = keySlots;
        arrays[Format.FUZZY] = fuzzySlots;
        return assemble(arrays);
    }

    private static byte[] assemble(Object[] arrays) {
        int headerBytes = (Format.HEADER_INTS + 2 * Format.ARRAY_COUNT) * 4;
        int[] offsets = new int[arrays.length];
        int[] counts = new int[arrays.length];
        long pos = headerBytes;
        for (int i = 0; i < arrays.length; i++) {
            offsets[i] = (int) pos;
            Object a = arrays[i];
            int count = a instanceof int[] ? ((int[]) a).length : a instanceof char[] ? ((char[]) a).length
                    : ((byte[]) a).length;
            counts[i] = count;
            pos += (long) count * Format.elementSize(i);
            pos = (pos + 3) & ~3L;
        }
        if (pos > Integer.MAX_VALUE) {
            throw new IllegalStateException("lexicon of " + pos + " bytes exceeds the 2 GiB format limit");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) pos).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(Format.MAGIC);
        buf.putInt(Format.VERSION);
        buf.putInt((int) pos);
        buf.putInt(Format.ARRAY_COUNT);
        for (int i = 0; i < arrays.length; i++) {
            buf.putInt(offsets[i]);
            buf.putInt(counts[i]);
        }
        for (int i = 0; i < arrays.length; i++) {
            buf.position(offsets[i]);
            Object a = arrays[i];
            if (a instanceof int[]) {
                buf.asIntBuffer().put((int[]) a);
            } else if (a instanceof char[]) {
                buf.asCharBuffer().put((char[]) a);
            } else {
                buf.put((byte[]) a);
            }
        }
        return buf.array();
    }

    /** The letters and digits of a term as written: what an abbreviation must look like in the text. */
    static String form(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean allLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** A de-duplicating UTF-8 string pool. */
    private static final class Strings {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, int[]> seen = new HashMap<>();

        void ref(String s, IntList into) {
            int[] r = seen.get(s);
            if (r == null) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                r = new int[] {out.size(), b.length};
                out.writeBytes(b);
                seen.put(s, r);
            }
            into.add(r[0]);
            into.add(r[1]);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A growable int list for compilation. */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void addAll(int[] vs) {
            for (int v : vs) {
                add(v);
            }
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class IntKey {
        final int[] ids;
        private final int hash;

        IntKey(int[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntKey && Arrays.equals(ids, ((IntKey) o).ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
