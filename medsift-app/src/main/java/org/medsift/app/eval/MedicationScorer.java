package org.medsift.app.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medsift.app.Extraction;
import org.medsift.app.output.BratWriter;
import org.medsift.core.text.Text;

/**
 * Per-attribute precision and recall of medication, lab and vital-sign extraction against brat gold written with
 * the types of {@link BratWriter}: {@code Drug}, {@code Strength}, {@code DoseAmount}, {@code Form}, {@code Route},
 * {@code Frequency}, {@code Duration}, {@code PRN}, {@code MedStatus}, {@code Lab}, {@code Vital}, {@code Value},
 * {@code Unit}, {@code Flag}, {@code ReferenceRange}, with {@code <Type>Of Arg1:attribute Arg2:drug-or-test}
 * relations, and the assertion attributes {@code Negated} and {@code Temporality ... historical} on drugs.
 *
 * <p>Matching is strict: an attribute counts as found only when its type and exact span match the gold and it is
 * related to the drug or test with the gold's exact span and type. Drugs, labs and vital signs match on type and
 * span; {@code Negated} and {@code Historical} on the span of a drug (system A lines on the concept mention that
 * has the drug's span count). Both sides are read as brat, so any system's brat output can be scored.
 * Not thread-safe (accumulates counts).
 */
public final class MedicationScorer {
    /** Scored types, in report order. */
    public static final List<String> TYPES = List.of("Drug", "Strength", "DoseAmount", "Form", "Route",
            "Frequency", "Duration", "PRN", "MedStatus", "Negated", "Historical", "Lab", "Vital", "Value", "Unit",
            "Flag", "ReferenceRange");
    private static final Set<String> ANCHORS = Set.of("Drug", "Lab", "Vital");

    /** One scored annotation: type, span ({@code start end[;start end]}), owner ({@code Type span}, or empty). */
    public record Item(String type, String span, String owner) {
    }

    /** True and false positives and false negatives of one type. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public int truePositives() {
            return tp;
        }

        public int falsePositives() {
            return fp;
        }

        public int falseNegatives() {
            return fn;
        }

        /** Gold annotations of the type. */
        public int gold() {
            return tp + fn;
        }

        public double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final Counts total = new Counts();
    private final List<String> errors = new ArrayList<>();
    private int documents;

    public MedicationScorer() {
        for (String t : TYPES) {
            counts.put(t, new Counts());
        }
    }

    /** Counts per type (every type of {@link #TYPES}, in order). */
    public Map<String, Counts> counts() {
        return counts;
    }

    /** Counts over all types. */
    public Counts total() {
        return total;
    }

    /** One line per disagreement: {@code FN|FP doc type "text" -> owner "text"}. */
    public List<String> errors() {
        return errors;
    }

    public int documents() {
        return documents;
    }

    /**
     * Scores every {@code NAME.txt} with a {@code NAME.ann} beside it in {@code goldDir}: the text goes through
     * {@code extraction}, its brat output is compared with the gold.
     */
    public void scoreFolder(Extraction extraction, Path goldDir) throws IOException {
        List<Path> texts;
        try (Stream<Path> s = Files.list(goldDir)) {
            texts = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path txt : texts) {
            String name = txt.getFileName().toString();
            name = name.substring(0, name.length() - 4);
            Path ann = txt.resolveSibling(name + ".ann");
            if (!Files.isRegularFile(ann)) {
                continue;
            }
            String text = Files.readString(txt, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            BratWriter.create().write(extraction.extract(Text.of(name, text)), out);
            score(name, text, Files.readAllLines(ann, StandardCharsets.UTF_8), List.of(out.toString().split("\n")));
        }
    }

    /** Scores one document's system brat lines against its gold brat lines. */
    public void score(String doc, String text, List<String> goldLines, List<String> systemLines) {
        documents++;
        Set<Item> gold = parse(goldLines);
        Set<Item> system = parse(systemLines);
        for (Item g : gold) {
            Counts c = counts.get(g.type());
            if (system.contains(g)) {
                c.tp++;
                total.tp++;
            } else {
                c.fn++;
                total.fn++;
                errors.add("FN " + describe(doc, text, g));
            }
        }
        for (Item s : system) {
            if (!gold.contains(s)) {
                counts.get(s.type()).fp++;
                total.fp++;
                errors.add("FP " + describe(doc, text, s));
            }
        }
    }

    private static String describe(String doc, String text, Item i) {
        StringBuilder b = new StringBuilder(doc).append(' ').append(i.type()).append(" \"")
                .append(covered(text, i.span())).append("\" ").append(i.span());
        if (!i.owner().isEmpty()) {
            int sp = i.owner().indexOf(' ');
            b.append(" -> ").append(i.owner(), 0, sp).append(" \"").append(covered(text, i.owner().substring(sp + 1)))
                    .append('"');
        }
        return b.toString();
    }

    private static String covered(String text, String span) {
        StringBuilder b = new StringBuilder();
        for (String frag : span.split(";")) {
            String[] se = frag.split(" ");
            int s = Integer.parseInt(se[0]);
            int e = Integer.parseInt(se[1]);
            if (s >= 0 && e <= text.length() && s <= e) {
                b.append(b.length() == 0 ? "" : " ").append(text, s, e);
            }
        }
        return b.toString().replace('\n', ' ');
    }

    /** The scored items of a brat file: anchors, attributes with their owners, drug assertions. */
    public static Set<Item> parse(List<String> lines) {
        Map<String, String[]> tb = new HashMap<>(); // id -> {type, span}
        Map<String, String> owner = new HashMap<>(); // attribute id -> owner id
        List<String[]> attrs = new ArrayList<>(); // {kind, target id}
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            if (c.length < 2 || c[0].isEmpty()) {
                continue;
            }
            switch (c[0].charAt(0)) {
                case 'T' -> {
                    int sp = c[1].indexOf(' ');
                    if (sp > 0) {
                        tb.put(c[0], new String[] {c[1].substring(0, sp), c[1].substring(sp + 1).trim()});
                    }
                }
                case 'R' -> {
                    // R1<TAB>StrengthOf Arg1:T10 Arg2:T9
                    String[] p = c[1].trim().split(" +");
                    String a1 = null;
                    String a2 = null;
                    for (int i = 1; i < p.length; i++) {
                        if (p[i].startsWith("Arg1:")) {
                            a1 = p[i].substring(5);
                        } else if (p[i].startsWith("Arg2:")) {
                            a2 = p[i].substring(5);
                        }
                    }
                    if (a1 != null && a2 != null && p[0].endsWith("Of")) {
                        owner.put(a1, a2);
                    }
                }
                case 'A' -> {
                    String[] p = c[1].trim().split(" +");
                    if (p.length >= 2 && p[0].equals("Negated")) {
                        attrs.add(new String[] {"Negated", p[1]});
                    } else if (p.length >= 3 && p[0].equals("Temporality") && p[2].equals("historical")) {
                        attrs.add(new String[] {"Historical", p[1]});
                    }
                }
                default -> {
                }
            }
        }
        Set<Item> items = new LinkedHashSet<>();
        Set<String> drugSpans = new java.util.HashSet<>();
        for (Map.Entry<String, String[]> e : tb.entrySet()) {
            String type = e.getValue()[0];
            if (!TYPES.contains(type)) {
                continue;
            }
            if (ANCHORS.contains(type)) {
                items.add(new Item(type, e.getValue()[1], ""));
                if (type.equals("Drug")) {
                    drugSpans.add(e.getValue()[1]);
                }
                continue;
            }
            String[] o = tb.get(owner.get(e.getKey()));
            items.add(new Item(type, e.getValue()[1], o == null ? "" : o[0] + " " + o[1]));
        }
        for (String[] a : attrs) {
            String[] t = tb.get(a[1]);
            if (t != null && drugSpans.contains(t[1])) {
                items.add(new Item(a[0], t[1], ""));
            }
        }
        return items;
    }

    /** The per-type table: type, gold, TP, FP, FN, precision, recall, F1; then all types together. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s%6s%6s%6s%6s%11s%9s%8s%n", "type", "gold", "TP", "FP", "FN",
                "precision", "recall", "F1"));
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        row(b, "all", total);
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Counts c) {
        b.append(String.format(Locale.ROOT, "%-16s%6d%6d%6d%6d%11s%9s%8s%n", name, c.gold(), c.tp, c.fp, c.fn,
                fmt(c.precision()), fmt(c.recall()), fmt(c.f1())));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
