package org.medsift.deid;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the shared de-identification dev sets ({@code shared/data/deid}, see its FORMAT.md) and scores spans
 * token-level and type-blind the way {@code score.py} does. Test support; {@link #main} writes span files for
 * the shared scorer.
 */
final class DevSets {
    private DevSets() {
    }

    /** The data folder, or null when absent: {@code ../../shared/data/deid} from the module folder. */
    static Path dataDir() {
        for (String p : List.of("../../shared/data/deid", "../shared/data/deid")) {
            Path d = Path.of(p);
            if (Files.isDirectory(d.resolve("negex-reid"))) {
                return d;
            }
        }
        return null;
    }

    static Map<String, String> negexRecords(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir.resolve("negex-reid/records"))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".txt")) {
                    out.put(n.substring(0, n.length() - 4), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static final Pattern JSON_FIELD = Pattern.compile("\"(id|text)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Map<String, String> presidioRecords(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("presidio-synth/records.jsonl"), StandardCharsets.UTF_8)) {
            String id = null;
            String text = null;
            Matcher m = JSON_FIELD.matcher(line);
            while (m.find()) {
                if (m.group(1).equals("id")) {
                    id = unescape(m.group(2));
                } else {
                    text = unescape(m.group(2));
                }
            }
            if (id != null && text != null) {
                out.put(id, text);
            }
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /** Gold spans per record: {start, end, typeIndex} with the type as written. */
    static Map<String, List<String[]>> gold(Path file) throws IOException {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t");
            if (c.length >= 4) {
                out.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    /** Token-level type-blind counts: {gold tokens, found, system tokens, correct}. */
    static long[] score(Map<String, String> records, Map<String, List<String[]>> gold, Map<String, List<PhiSpan>> sys) {
        long[] c = new long[4];
        Pattern tok = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
        for (Map.Entry<String, String> r : records.entrySet()) {
            String t = r.getValue();
            boolean[] g = new boolean[t.length()];
            boolean[] s = new boolean[t.length()];
            for (String[] sp : gold.getOrDefault(r.getKey(), List.of())) {
                for (int i = Integer.parseInt(sp[1]); i < Integer.parseInt(sp[2]); i++) {
                    g[i] = true;
                }
            }
            for (PhiSpan sp : sys.getOrDefault(r.getKey(), List.of())) {
                for (int i = sp.start(); i < sp.end(); i++) {
                    s[i] = true;
                }
            }
            Matcher m = tok.matcher(t);
            while (m.find()) {
                boolean gi = false;
                boolean si = false;
                for (int i = m.start(); i < m.end(); i++) {
                    gi |= g[i];
                    si |= s[i];
                }
                if (gi) {
                    c[0]++;
                    if (si) {
                        c[1]++;
                    }
                }
                if (si) {
                    c[2]++;
                    if (gi) {
                        c[3]++;
                    }
                }
            }
        }
        return c;
    }

    /** Writes {@code negex.tsv} and {@code presidio.tsv} span files into the given folder. */
    public static void main(String[] args) throws IOException {
        Path dir = dataDir();
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        PhiDetector d = PhiDetector.standard();
        write(d, negexRecords(dir), out.resolve("negex.tsv"));
        write(d, presidioRecords(dir), out.resolve("presidio.tsv"));
    }

    private static void write(PhiDetector d, Map<String, String> recs, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> r : recs.entrySet()) {
                for (PhiSpan s : d.detect(r.getValue())) {
                    w.write(r.getKey() + "\t" + s.start() + "\t" + s.end() + "\t" + s.type() + "\n");
                }
            }
        }
    }
}
