package org.medsift.vocab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final Map<String, ConceptEntry> concepts = new HashMap<>();
    private final Map<String, ConceptEntry> byCode = new HashMap<>();
    private final TermNormalizer normalizer = TermNormalizer.standard();

    // Terms live in flat arrays rather than one object each, and words are interned, so that a UMLS-size build
    // (4 million terms) fits in a few GB of heap; see docs/vocabularies.md.
    private final Map<String, Integer> wordIndex = new HashMap<>();
    private final List<String> wordList = new ArrayList<>();
    private final List<String> termText = new ArrayList<>();
    private final List<ConceptEntry> termOwner = new ArrayList<>();
    private final IntList termKindSource = new IntList();
    private final IntList termWordStart = new IntList();
    private final IntList termWordCount = new IntList();
    private final IntList termNext = new IntList();
    private final IntList wordPool = new IntList();
    /** Normalized words to concepts, built on the first {@link #findByTerm} call and kept up to date after. */
    private Map<IntKey, List<ConceptEntry>> byTerm;

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
        if (old == null) {
            if (sources.size() > 0xFFFF) {
                throw new IllegalArgumentException("too many sources (at most 65535)");
            }
            sourceIndex.put(sourceId, sourceIndex.size());
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
     * they got it; empty when none. For merging sources on names. The first call builds an index of all terms.
     */
    public List<ConceptEntry> findByTerm(String term) {
        if (byTerm == null) {
            byTerm = new HashMap<>();
            for (int t = 0; t < termText.size(); t++) {
                indexTerm(t);
            }
        }
        List<String> words = normalizer.words(term);
        int[] ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = wordIndex.get(words.get(i));
            if (id == null) {
                return List.of();
            }
            ids[i] = id;
        }
        List<ConceptEntry> found = byTerm.get(new IntKey(ids));
        return found == null ? List.of() : List.copyOf(found);
    }

    private void indexTerm(int t) {
        int start = termWordStart.get(t);
        int[] ids = Arrays.copyOfRange(wordPool.a, start, start + termWordCount.get(t));
        List<ConceptEntry> list = byTerm.computeIfAbsent(new IntKey(ids), k -> new ArrayList<>(1));
        ConceptEntry owner = termOwner.get(t);
        if (!list.contains(owner)) {
            list.add(owner);
        }
    }

    /** Number of concepts so far. */
    public int conceptCount() {
        return concepts.size();
    }

    /** Number of terms so far (duplicates not counted). */
    public int termCount() {
        return termText.size();
    }

    /** Compiles the lexicon in memory; the buffer holds the same bytes {@link #write(Path)} writes. */
    public Lexicon build() {
        try {
            return Lexicon.wrap(ByteBuffer.wrap(compile().toBytes()));
        } catch (LexiconFormatException e) {
            throw new IllegalStateException("builder produced an unreadable lexicon: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles the lexicon and writes it to {@code file} (through a temporary file in the same directory, moved
     * into place, so readers never see half a file). The arrays are streamed to the file, so writing needs no
     * second copy of the lexicon in memory.
     */
    public void write(Path file) throws IOException {
        Compiled c = compile();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                c.writeTo(ch);
            }
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

    private int internWord(String w) {
        Integer id = wordIndex.get(w);
        if (id == null) {
            id = wordList.size();
            wordIndex.put(w, id);
            wordList.add(w);
        }
        return id;
    }

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

    /** A concept being built. Obtained from {@link LexiconBuilder#concept}; not thread-safe. */
    public static final class ConceptEntry {
        private final LexiconBuilder owner;
        private final String id;
        private final String preferredName;
        private final SemanticGroup group;
        private final String sourceId;
        private List<Code> codes = List.of();
        private int firstTerm = -1;
        private int lastTerm = -1;
        private int termCount;

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
            if (codes.isEmpty()) {
                codes = new ArrayList<>(2);
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
            int n = words.size();
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = owner.internWord(words.get(i));
            }
            int[] pool = owner.wordPool.a;
            for (int t = firstTerm; t >= 0; t = owner.termNext.get(t)) {
                if (owner.termWordCount.get(t) == n && owner.termKindSource.get(t) >>> 16 == kind.ordinal()) {
                    int start = owner.termWordStart.get(t);
                    int i = 0;
                    while (i < n && pool[start + i] == ids[i]) {
                        i++;
                    }
                    if (i == n) {
                        return this;
                    }
                }
            }
            int t = owner.termText.size();
            owner.termText.add(TermNormalizer.stripSemanticTag(term));
            owner.termOwner.add(this);
            owner.termKindSource.add(kind.ordinal() << 16 | owner.sourceIndex.get(sourceId));
            owner.termWordStart.add(owner.wordPool.size());
            owner.termWordCount.add(n);
            owner.termNext.add(-1);
            owner.wordPool.addAll(ids);
            if (lastTerm >= 0) {
                owner.termNext.set(lastTerm, t);
            } else {
                firstTerm = t;
            }
            lastTerm = t;
            termCount++;
            if (owner.byTerm != null) {
                owner.indexTerm(t);
            }
            return this;
        }

        @Override
        public String toString() {
            return "ConceptEntry[" + id + ", " + group + ", " + termCount + " terms]";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // compilation

    private Compiled compile() {
        List<ConceptEntry> cs = new ArrayList<>(concepts.values());
        cs.sort((a, b) -> a.id.compareTo(b.id));
        List<String> sourceIds = new ArrayList<>(sources.keySet());

        // vocabulary: every term word, the stop words and the group cue words, sorted
        TreeSet<String> vocabSet = new TreeSet<>(TermNormalizer.STOP_WORDS);
        Map<SemanticGroup, List<String>> groupCues = new LinkedHashMap<>();
        for (SemanticGroup g : SemanticGroup.values()) {
            List<String> ws = new ArrayList<>();
            for (String cue : GroupCues.DEFAULT.getOrDefault(g, List.of())) {
                ws.addAll(normalizer.words(cue));
            }
            vocabSet.addAll(ws);
            groupCues.put(g, ws);
        }
        vocabSet.addAll(wordList);
        String[] words = vocabSet.toArray(new String[0]);
        vocabSet = null;
        int[] finalWord = new int[wordList.size()];
        for (int i = 0; i < finalWord.length; i++) {
            finalWord[i] = Arrays.binarySearch(words, wordList.get(i));
        }
        int[] wordFlags = new int[words.length];
        for (String s : TermNormalizer.STOP_WORDS) {
            wordFlags[Arrays.binarySearch(words, s)] |= Format.FLAG_STOP;
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
        int termTotal = termText.size();
        IntList termRecs = new IntList(termTotal * Format.TERM_INTS);
        IntList termWords = new IntList(wordPool.size());
        IntList conceptRecs = new IntList(cs.size() * Format.CONCEPT_INTS);
        IntList codeRecs = new IntList();
        IntList cues = new IntList();
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
            conceptRecs.add(c.termCount);
            boolean ambiguous = false;
            for (int t = c.firstTerm; t >= 0; t = termNext.get(t)) {
                int start = termWordStart.get(t);
                int n = termWordCount.get(t);
                termRecs.add(termWords.size());
                termRecs.add(n);
                for (int k = 0; k < n; k++) {
                    termWords.add(finalWord[wordPool.a[start + k]]);
                }
                String text = termText.get(t);
                strings.ref(text, termRecs);
                termRecs.add(ci);
                int ks = termKindSource.get(t);
                termRecs.add(ks);
                TermKind kind = KINDS[ks >>> 16];
                if (kind == TermKind.ABBREVIATION || kind == TermKind.AMBIGUOUS) {
                    String form = form(text);
                    termRecs.add(chars.length());
                    termRecs.add(form.length());
                    chars.append(form);
                } else {
                    termRecs.add(0);
                    termRecs.add(0);
                }
                ambiguous |= kind == TermKind.AMBIGUOUS;
                termIndex++;
            }
            // cue words of a concept with ambiguous forms: content words of its other terms
            int cueStart = cues.size();
            if (ambiguous) {
                TreeSet<Integer> own = new TreeSet<>();
                Set<Integer> ambiguousWords = new HashSet<>();
                for (int t = c.firstTerm; t >= 0; t = termNext.get(t)) {
                    if (KINDS[termKindSource.get(t) >>> 16] == TermKind.AMBIGUOUS) {
                        for (int k = 0; k < termWordCount.get(t); k++) {
                            ambiguousWords.add(finalWord[wordPool.a[termWordStart.get(t) + k]]);
                        }
                    }
                }
                for (int t = c.firstTerm; t >= 0; t = termNext.get(t)) {
                    if (KINDS[termKindSource.get(t) >>> 16] == TermKind.AMBIGUOUS) {
                        continue;
                    }
                    for (int k = 0; k < termWordCount.get(t); k++) {
                        int w = finalWord[wordPool.a[termWordStart.get(t) + k]];
                        if (words[w].length() >= 3 && !TermNormalizer.STOP_WORDS.contains(words[w])
                                && !ambiguousWords.contains(w)) {
                            own.add(w);
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
                ids.add(Arrays.binarySearch(words, w));
            }
            groupCueRecs.add(cues.size());
            groupCueRecs.add(ids.size());
            for (int id : ids) {
                cues.add(id);
            }
        }

        // trie over word-id sequences: edge k (in creation order) leads to node k + 1
        int[] tw = termWords.a;
        LongIntTable edgeIndex = new LongIntTable(Math.max(16, termWords.size()));
        IntList edgeParent = new IntList();
        IntList edgeWord = new IntList();
        int[] termNode = new int[termTotal];
        for (int t = 0; t < termTotal; t++) {
            int node = 0;
            int off = termRecs.get(t * Format.TERM_INTS);
            int n = termRecs.get(t * Format.TERM_INTS + 1);
            for (int k = 0; k < n; k++) {
                int w = tw[off + k];
                long key = (long) node << 32 | (w & 0xFFFFFFFFL);
                int child = edgeIndex.get(key);
                if (child < 0) {
                    child = edgeParent.size() + 1;
                    edgeParent.add(node);
                    edgeWord.add(w);
                    edgeIndex.put(key, child);
                }
                node = child;
            }
            termNode[t] = node;
        }
        edgeIndex = null;
        int nodeCount = edgeParent.size() + 1;
        int[][] grouped = groupBy(termNode, termTotal, nodeCount);
        termNode = null;
        IntList nodeRecs = new IntList(nodeCount * 2);
        for (int node = 0; node < nodeCount; node++) {
            nodeRecs.add(grouped[0][node]);
            nodeRecs.add(grouped[0][node + 1] - grouped[0][node]);
        }
        int[] nodeTermList = grouped[1];
        int edgeCount = edgeParent.size();
        int edgeCap = Hashing.capacity(edgeCount);
        int[] edgeSlots = new int[edgeCap * 3];
        for (int e = 0; e < edgeCount; e++) {
            int parent = edgeParent.get(e);
            int word = edgeWord.get(e);
            int slot = Hashing.edge(parent, word) & (edgeCap - 1);
            while (edgeSlots[slot * 3] != 0) {
                slot = (slot + 1) & (edgeCap - 1);
            }
            edgeSlots[slot * 3] = parent + 1;
            edgeSlots[slot * 3 + 1] = word;
            edgeSlots[slot * 3 + 2] = e + 1;
        }
        edgeParent = null;
        edgeWord = null;

        // order-free keys: sorted content words of multi-word names with at least two content words
        boolean[] reorderableWord = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            reorderableWord[i] = reorderable(words[i]);
        }
        IntList keyWords = new IntList();
        IntList keyStart = new IntList();
        IntList keyLen = new IntList();
        IntList keyHash = new IntList();
        int[] termKey = new int[termTotal];
        int keyTableCap = Hashing.capacity(Math.max(16, termTotal));
        int[] keyTable = new int[keyTableCap];
        int maxWindow = 0;
        int[] content = new int[64];
        for (int t = 0; t < termTotal; t++) {
            termKey[t] = -1;
            TermKind kind = KINDS[termRecs.get(t * Format.TERM_INTS + 5) >>> 16];
            if (kind != TermKind.NAME && kind != TermKind.BRAND) {
                continue;
            }
            int off = termRecs.get(t * Format.TERM_INTS);
            int n = termRecs.get(t * Format.TERM_INTS + 1);
            if (content.length < n) {
                content = new int[n];
            }
            int m = 0;
            boolean ok = true;
            for (int k = 0; k < n; k++) {
                int w = tw[off + k];
                if ((wordFlags[w] & Format.FLAG_STOP) == 0) {
                    content[m++] = w;
                    ok &= reorderableWord[w];
                }
            }
            if (m < 2 || !ok) {
                continue;
            }
            Arrays.sort(content, 0, m);
            int h = Hashing.ints(content, 0, m);
            int slot = h & (keyTableCap - 1);
            int key = -1;
            for (int v = keyTable[slot]; v != 0; v = keyTable[slot]) {
                int cand = v - 1;
                if (keyHash.get(cand) == h && keyLen.get(cand) == m
                        && Arrays.equals(keyWords.a, keyStart.get(cand), keyStart.get(cand) + m, content, 0, m)) {
                    key = cand;
                    break;
                }
                slot = (slot + 1) & (keyTableCap - 1);
            }
            if (key < 0) {
                key = keyLen.size();
                keyTable[slot] = key + 1;
                keyStart.add(keyWords.size());
                keyLen.add(m);
                keyHash.add(h);
                for (int k = 0; k < m; k++) {
                    keyWords.add(content[k]);
                }
            }
            termKey[t] = key;
            for (int k = 0; k < m; k++) {
                wordFlags[content[k]] |= Format.FLAG_REORDER;
            }
            maxWindow = Math.max(maxWindow, n + Format.REORDER_SLACK);
        }
        keyTable = null;
        meta.set(maxWindowAt, maxWindow);
        int keyCount = keyLen.size();
        int[][] keyGroups = groupBy(termKey, termTotal, keyCount);
        termKey = null;
        IntList keyRecs = new IntList(keyCount * 4);
        int keyCap = Hashing.capacity(keyCount);
        int[] keySlots = new int[keyCap];
        for (int k = 0; k < keyCount; k++) {
            keyRecs.add(keyStart.get(k));
            keyRecs.add(keyLen.get(k));
            keyRecs.add(keyGroups[0][k]);
            keyRecs.add(keyGroups[0][k + 1] - keyGroups[0][k]);
            int slot = keyHash.get(k) & (keyCap - 1);
            while (keySlots[slot] != 0) {
                slot = (slot + 1) & (keyCap - 1);
            }
            keySlots[slot] = k + 1;
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
        int[] hashes = new int[64];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() < Format.FUZZY_MIN_LENGTH || !allLetters(w)) {
                continue;
            }
            char[] cw = w.toCharArray();
            if (hashes.length < cw.length + 1) {
                hashes = new int[cw.length + 1];
            }
            int n = 0;
            hashes[n++] = Hashing.chars(cw, 0, cw.length);
            for (int d = 0; d < cw.length; d++) {
                hashes[n++] = Hashing.charsSkipping(cw, 0, cw.length, d);
            }
            Arrays.sort(hashes, 0, n);
            for (int k = 0; k < n; k++) {
                if (k == 0 || hashes[k] != hashes[k - 1]) {
                    fuzzy.add(hashes[k]);
                    fuzzy.add(i + 1);
                }
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

        Compiled out = new Compiled();
        out.set(Format.META, meta);
        out.set(Format.STRINGS, strings.bytes, strings.size);
        out.set(Format.WORDS, wordRecs);
        out.set(Format.WORD_SLOTS, wordSlots);
        char[] charArray = new char[chars.length()];
        chars.getChars(0, chars.length(), charArray, 0);
        out.set(Format.CHARS, charArray, charArray.length);
        out.set(Format.TERMS, termRecs);
        out.set(Format.TERM_WORDS, termWords);
        out.set(Format.CONCEPTS, conceptRecs);
        out.set(Format.CONCEPT_SLOTS, conceptSlots);
        out.set(Format.CODES, codeRecs);
        out.set(Format.CUES, cues);
        out.set(Format.GROUP_CUES, groupCueRecs);
        out.set(Format.NODES, nodeRecs);
        out.set(Format.NODE_TERMS, nodeTermList);
        out.set(Format.EDGES, edgeSlots);
        out.set(Format.KEYS, keyRecs);
        out.set(Format.KEY_WORDS, keyWords);
        out.set(Format.KEY_TERMS, keyGroups[1]);
        out.set(Format.KEY_SLOTS, keySlots);
        out.set(Format.FUZZY, fuzzySlots);
        return out;
    }

    private static final TermKind[] KINDS = TermKind.values();

    /**
     * Stable grouping of indexes {@code 0..n-1} by {@code groupOf[i]} (values {@code 0..groups-1}, or -1 for none):
     * returns {offsets (groups + 1), members in index order}.
     */
    private static int[][] groupBy(int[] groupOf, int n, int groups) {
        int[] offsets = new int[groups + 1];
        int members = 0;
        for (int i = 0; i < n; i++) {
            if (groupOf[i] >= 0) {
                offsets[groupOf[i] + 1]++;
                members++;
            }
        }
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] fill = Arrays.copyOf(offsets, groups);
        int[] list = new int[members];
        for (int i = 0; i < n; i++) {
            if (groupOf[i] >= 0) {
                list[fill[groupOf[i]]++] = i;
            }
        }
        return new int[][] {offsets, list};
    }

    /** The compiled arrays, before they are laid out in a buffer or a file. */
    private static final class Compiled {
        final Object[] arrays = new Object[Format.ARRAY_COUNT];
        final int[] counts = new int[Format.ARRAY_COUNT];
        final int[] offsets = new int[Format.ARRAY_COUNT];
        long total;

        void set(int i, IntList list) {
            set(i, list.a, list.size());
        }

        void set(int i, int[] a) {
            set(i, a, a.length);
        }

        void set(int i, Object a, int count) {
            arrays[i] = a;
            counts[i] = count;
        }

        private void layout() {
            long pos = (Format.HEADER_INTS + 2 * Format.ARRAY_COUNT) * 4L;
            for (int i = 0; i < Format.ARRAY_COUNT; i++) {
                offsets[i] = (int) pos;
                pos += (long) counts[i] * Format.elementSize(i);
                pos = (pos + 3) & ~3L;
                if (pos > Integer.MAX_VALUE) {
                    throw new IllegalStateException("lexicon of more than " + pos + " bytes exceeds the 2 GiB format"
                            + " limit");
                }
            }
            total = pos;
        }

        private ByteBuffer header() {
            ByteBuffer h = ByteBuffer.allocate((Format.HEADER_INTS + 2 * Format.ARRAY_COUNT) * 4)
                    .order(ByteOrder.LITTLE_ENDIAN);
            h.put(Format.MAGIC);
            h.putInt(Format.VERSION);
            h.putInt((int) total);
            h.putInt(Format.ARRAY_COUNT);
            h.putInt(0); // checksum, filled in once the rest is laid out
            for (int i = 0; i < Format.ARRAY_COUNT; i++) {
                h.putInt(offsets[i]);
                h.putInt(counts[i]);
            }
            h.flip();
            return h;
        }

        /** Puts array {@code i}'s elements {@code [from, to)} into {@code buf} (which has room). */
        private void put(int i, int from, int to, ByteBuffer buf) {
            Object a = arrays[i];
            if (a instanceof int[]) {
                buf.asIntBuffer().put((int[]) a, from, to - from);
                buf.position(buf.position() + (to - from) * 4);
            } else if (a instanceof char[]) {
                buf.asCharBuffer().put((char[]) a, from, to - from);
                buf.position(buf.position() + (to - from) * 2);
            } else {
                buf.put((byte[]) a, from, to - from);
            }
        }

        byte[] toBytes() {
            layout();
            ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
            buf.put(header());
            for (int i = 0; i < Format.ARRAY_COUNT; i++) {
                buf.position(offsets[i]);
                put(i, 0, counts[i], buf);
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(buf.array(), Format.CHECKSUM_AT + 4, (int) total - Format.CHECKSUM_AT - 4);
            buf.putInt(Format.CHECKSUM_AT, (int) crc.getValue());
            return buf.array();
        }

        void writeTo(FileChannel ch) throws IOException {
            layout();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer header = header();
            long pos = writeFully(ch, header.duplicate(), 0, null);
            header.position(Format.CHECKSUM_AT + 4);
            crc.update(header);
            for (int i = 0; i < Format.ARRAY_COUNT; i++) {
                if (pos < offsets[i]) {
                    pos += writeFully(ch, ByteBuffer.allocate((int) (offsets[i] - pos)), pos, crc);
                }
                int size = Format.elementSize(i);
                int per = chunk.capacity() / size;
                for (int from = 0; from < counts[i]; from += per) {
                    int to = Math.min(counts[i], from + per);
                    chunk.clear();
                    put(i, from, to, chunk);
                    chunk.flip();
                    pos += writeFully(ch, chunk, pos, crc);
                }
            }
            if (pos < total) {
                writeFully(ch, ByteBuffer.allocate((int) (total - pos)), pos, crc);
            }
            ByteBuffer sum = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) crc.getValue());
            writeFully(ch, sum, Format.CHECKSUM_AT, null);
        }

        private static long writeFully(FileChannel ch, ByteBuffer b, long pos, java.util.zip.CRC32C crc)
                throws IOException {
            if (crc != null) {
                crc.update(b.duplicate());
            }
            long n = 0;
            while (b.hasRemaining()) {
                n += ch.write(b, pos + n);
            }
            return n;
        }
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

    /**
     * A de-duplicating UTF-8 string pool: equal strings share one entry, placed in first-reference order. An
     * open-addressing table over the strings themselves (no map entry or boxed offset per string).
     */
    private static final class Strings {
        byte[] bytes = new byte[1 << 16];
        int size;
        private String[] keys = new String[1 << 12];
        private long[] refs = new long[1 << 12];
        private int count;

        void ref(String s, IntList into) {
            int mask = keys.length - 1;
            int slot = mix(s.hashCode()) & mask;
            for (String k = keys[slot]; k != null; k = keys[slot]) {
                if (k.equals(s)) {
                    into.add((int) (refs[slot] >>> 32));
                    into.add((int) refs[slot]);
                    return;
                }
                slot = (slot + 1) & mask;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (size + b.length > bytes.length) {
                long cap = Math.max((long) bytes.length * 2, (long) size + b.length);
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, cap));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            keys[slot] = s;
            refs[slot] = (long) size << 32 | b.length;
            size += b.length;
            into.add((int) (refs[slot] >>> 32));
            into.add(b.length);
            if (++count * 2 > keys.length) {
                grow();
            }
        }

        private static int mix(int h) {
            return Hashing.mix(h);
        }

        private void grow() {
            String[] oldKeys = keys;
            long[] oldRefs = refs;
            keys = new String[oldKeys.length * 2];
            refs = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = mix(oldKeys[i].hashCode()) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    refs[slot] = oldRefs[i];
                }
            }
        }
    }

    /** An open-addressing map from long keys to non-negative ints, for the trie edges during compilation. */
    private static final class LongIntTable {
        private long[] keys;
        private int[] values;
        private int count;

        LongIntTable(int expected) {
            int cap = Hashing.capacity(expected);
            keys = new long[cap];
            values = new int[cap];
            Arrays.fill(values, -1);
        }

        int get(long key) {
            int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (values[slot] >= 0) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        void put(long key, int value) {
            int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (values[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = value;
            if (++count * 2 > keys.length) {
                long[] ok = keys;
                int[] ov = values;
                keys = new long[ok.length * 2];
                values = new int[ok.length * 2];
                Arrays.fill(values, -1);
                count = 0;
                for (int i = 0; i < ok.length; i++) {
                    if (ov[i] >= 0) {
                        put(ok[i], ov[i]);
                    }
                }
            }
        }

        private static int hash(long key) {
            return Hashing.mix((int) (key ^ key >>> 32) * 0x9E3779B1);
        }
    }

    /** A growable int list. */
    static final class IntList {
        int[] a;
        private int n;

        IntList() {
            this(16);
        }

        IntList(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, (long) n * 3 / 2 + 16));
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
