package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.medsift.core.model.Assertion;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.nlp.assertion.ContextAnnotator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift eval}: scores Medsift against annotated data. {@code eval context} scores assertion on the NegEx /
 * ConText kit rows ({@code --gold}), optionally beside the kit's reference outputs ({@code --reference}), and on the
 * Leaf Clinical Trials brat files ({@code --lct}). Documented in {@code docs/evaluation.md}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores Medsift against annotated data.",
        subcommands = {EvalCommand.Context.class, EvalMedicationCommand.class, EvalNerCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String[] POLARITY = {"affirmed", "negated", "possible"};
    static final String[] TEMPORALITY = {"recent", "historical", "hypothetical"};
    static final String[] EXPERIENCER = {"patient", "family", "other"};

    /** {@code medsift eval context}: assertion scores. */
    @Command(name = "context", mixinStandardHelpOptions = true,
            description = {"Scores assertion (negation, temporality, experiencer) on annotated spans.",
                    "--gold: NegEx / ConText kit rows (row, report, concept, sentence, start, end, negation, "
                            + "temporality, experiencer); each row goes through the code of 'medsift context'.",
                    "--reference: labels of other systems for the same rows (column row, then <system>_negation, "
                            + "<system>_temporality, <system>_experiencer), scored by the same scorer.",
                    "--lct: a folder of Leaf Clinical Trials brat files (.txt + .ann); scores negation and "
                            + "hypothetical / possible on the spans the gold marks."})
    static final class Context implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--gold", paramLabel = "FILE", description = "NegEx / ConText kit rows (TSV with header).")
        Path gold;

        @Option(names = "--reference", paramLabel = "FILE", description = "Reference system outputs for the --gold rows.")
        Path reference;

        @Option(names = "--lct", paramLabel = "DIR", description = "Leaf Clinical Trials brat folder.")
        Path lct;

        @Option(names = "--rules", paramLabel = "FILE", description = "A site context-rules file added to the "
                + "defaults (repeatable).")
        List<Path> rules = new ArrayList<>();

        @Option(names = "--errors", paramLabel = "FILE", description = "Write the rows where Medsift disagrees with "
                + "the gold (with the cues) to this TSV.")
        Path errors;

        @Override
        public Integer call() throws IOException {
            if (gold == null && lct == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --gold FILE and/or --lct DIR");
            }
            if (reference != null && gold == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reference needs --gold");
            }
            for (Path p : rules) {
                requireFile(p, "--rules");
            }
            if (gold != null) {
                requireFile(gold, "--gold");
            }
            if (reference != null) {
                requireFile(reference, "--reference");
            }
            if (lct != null && !Files.isDirectory(lct)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lct folder not found: " + lct);
            }
            PrintWriter out = spec.commandLine().getOut();
            ContextAnnotator context = ContextCommand.annotator(rules);
            Pipeline text = ContextCommand.textPipeline();
            if (gold != null) {
                evalKit(out, context, text);
            }
            if (lct != null) {
                if (gold != null) {
                    out.println();
                }
                evalLct(out, context, text);
            }
            out.flush();
            return ExitCodes.OK;
        }

        private void requireFile(Path p, String option) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " file not found: " + p);
            }
        }

        private void evalKit(PrintWriter out, ContextAnnotator context, Pipeline text) throws IOException {
            List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--gold file is empty: " + gold);
            }
            Map<String, Integer> col = header(lines.get(0));
            for (String c : List.of("row", "sentence", "start", "end", "negation", "temporality", "experiencer")) {
                if (!col.containsKey(c)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--gold " + gold + ": no column '"
                            + c + "' in the header; expected row, report, concept, sentence, start, end, negation, "
                            + "temporality, experiencer");
                }
            }
            List<String> ids = new ArrayList<>();
            List<String[]> goldLabels = new ArrayList<>();
            List<String[]> medsift = new ArrayList<>();
            PrintWriter err = errors == null ? null
                    : new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8));
            if (err != null) {
                err.println("row\tgold\tmedsift\tcues\tbefore\tconcept\tafter");
            }
            try {
                for (int i = 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] c = line.split("\t", -1);
                    if (c.length < col.size()) {
                        throw new IllegalArgumentException(gold + ":" + (i + 1) + ": found " + c.length
                                + " columns, expected " + col.size());
                    }
                    String id = c[col.get("row")];
                    String sentence = c[col.get("sentence")];
                    int start = Integer.parseInt(c[col.get("start")].trim());
                    int end = Integer.parseInt(c[col.get("end")].trim());
                    Assertion a = ContextCommand.assess(text, context, id, sentence, start, end);
                    String[] g = {c[col.get("negation")], c[col.get("temporality")], c[col.get("experiencer")]};
                    String[] m = {ContextCommand.polarity(a), ContextCommand.temporality(a),
                            ContextCommand.experiencer(a)};
                    ids.add(id);
                    goldLabels.add(g);
                    medsift.add(m);
                    if (err != null && !(isNegated(g[0]) == isNegated(m[0]) && g[1].equals(m[1])
                            && g[2].equals(m[2]))) {
                        err.println(id + "\t" + String.join("/", g) + "\t" + String.join("/", m) + "\t"
                                + ContextCommand.explanation(a) + "\t"
                                + flat(sentence.substring(Math.max(0, start - 80), start)) + "\t"
                                + flat(sentence.substring(start, end)) + "\t"
                                + flat(sentence.substring(end, Math.min(sentence.length(), end + 60))));
                    }
                }
            } finally {
                if (err != null) {
                    err.close();
                }
            }
            Map<String, List<String[]>> systems = new LinkedHashMap<>();
            systems.put("medsift", medsift);
            if (reference != null) {
                systems.putAll(readReference(ids));
            }
            Map<String, Scores> scores = new LinkedHashMap<>();
            systems.forEach((name, labels) -> scores.put(name, Scores.of(goldLabels, labels)));
            out.println("NegEx / ConText kit: " + ids.size() + " rows from " + gold);
            printKitTable(out, scores);
            out.println();
            printFamilyRows(out, ids, goldLabels, systems);
            for (Map.Entry<String, Scores> e : scores.entrySet()) {
                out.println();
                out.println("confusion matrices, " + e.getKey() + " (rows: gold, columns: system)");
                e.getValue().printMatrices(out);
            }
            if (errors != null) {
                out.println();
                out.println("disagreements written to " + errors);
            }
        }

        /** Reads {@code row, <system>_negation, <system>_temporality, <system>_experiencer, ...} columns. */
        private Map<String, List<String[]>> readReference(List<String> ids) throws IOException {
            List<String> lines = Files.readAllLines(reference, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reference file is empty: "
                        + reference);
            }
            String[] head = lines.get(0).split("\t", -1);
            if (!head[0].equals("row")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reference " + reference
                        + ": the first column must be 'row', found '" + head[0] + "'");
            }
            // system name -> {negation, temporality, experiencer} column indices (-1 when absent)
            Map<String, int[]> cols = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int us = head[i].lastIndexOf('_');
                if (us <= 0) {
                    continue;
                }
                String system = head[i].substring(0, us);
                String kind = head[i].substring(us + 1);
                int k = kind.equals("negation") ? 0 : kind.equals("temporality") ? 1
                        : kind.equals("experiencer") ? 2 : -1;
                if (k >= 0) {
                    cols.computeIfAbsent(system, s -> new int[] {-1, -1, -1})[k] = i;
                }
            }
            Map<String, String[]> byRow = new HashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    String[] c = lines.get(i).split("\t", -1);
                    byRow.put(c[0], c);
                }
            }
            Map<String, List<String[]>> systems = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> e : cols.entrySet()) {
                List<String[]> labels = new ArrayList<>(ids.size());
                int[] k = e.getValue();
                for (String id : ids) {
                    String[] c = byRow.get(id);
                    String[] l = new String[3];
                    for (int j = 0; j < 3; j++) {
                        l[j] = c == null || k[j] < 0 || k[j] >= c.length ? null : c[k[j]];
                    }
                    labels.add(l);
                }
                systems.put(displayName(e.getKey()), labels);
            }
            return systems;
        }

        private static String displayName(String system) {
            return switch (system.toLowerCase(Locale.ROOT)) {
                case "gencontext" -> "GenConText";
                case "gennegex" -> "GenNegEx";
                default -> system;
            };
        }

        private static void printKitTable(PrintWriter out, Map<String, Scores> scores) {
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-26s", "measure"));
            scores.keySet().forEach(n -> h.append(String.format(Locale.ROOT, "%12s", n)));
            out.println(h);
            row(out, scores, "negated precision", s -> s.negation.precision());
            row(out, scores, "negated recall", s -> s.negation.recall());
            row(out, scores, "negated F1", s -> s.negation.f1());
            row(out, scores, "negation accuracy", s -> s.negationAccuracy());
            for (int t = 0; t < TEMPORALITY.length; t++) {
                int tt = t;
                row(out, scores, TEMPORALITY[t] + " precision", s -> s.temporal[tt].precision());
                row(out, scores, TEMPORALITY[t] + " recall", s -> s.temporal[tt].recall());
                row(out, scores, TEMPORALITY[t] + " F1", s -> s.temporal[tt].f1());
            }
            row(out, scores, "experiencer accuracy", s -> s.experiencerAccuracy());
            StringBuilder f = new StringBuilder(String.format(Locale.ROOT, "%-26s", "family rows right"));
            scores.values().forEach(s -> f.append(String.format(Locale.ROOT, "%12s",
                    s.experiencerScored == 0 ? "-" : s.familyRight + "/" + s.familyGold)));
            out.println(f);
            StringBuilder n = new StringBuilder(String.format(Locale.ROOT, "%-26s", "rows scored"));
            scores.values().forEach(s -> n.append(String.format(Locale.ROOT, "%12s", s.negationScored)));
            out.println(n);
        }

        private static void row(PrintWriter out, Map<String, Scores> scores, String label,
                java.util.function.ToDoubleFunction<Scores> f) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-26s", label));
            for (Scores s : scores.values()) {
                double v = f.applyAsDouble(s);
                b.append(Double.isNaN(v) ? String.format(Locale.ROOT, "%12s", "-")
                        : String.format(Locale.ROOT, "%12.4f", v));
            }
            out.println(b);
        }

        private static void printFamilyRows(PrintWriter out, List<String> ids, List<String[]> gold,
                Map<String, List<String[]>> systems) {
            out.println("experiencer rows (gold or any system not patient):");
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %-8s%-10s", "row", "gold"));
            systems.keySet().forEach(n -> h.append(String.format(Locale.ROOT, "%-16s", n)));
            out.println(h.toString().stripTrailing());
            for (int i = 0; i < ids.size(); i++) {
                boolean show = !gold.get(i)[2].equals("patient");
                for (List<String[]> l : systems.values()) {
                    String e = l.get(i)[2];
                    show |= e != null && !e.equals("patient");
                }
                if (!show) {
                    continue;
                }
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-8s%-10s", ids.get(i),
                        gold.get(i)[2]));
                for (List<String[]> l : systems.values()) {
                    String e = l.get(i)[2];
                    b.append(String.format(Locale.ROOT, "%-16s", e == null ? "-"
                            : e + (e.equals(gold.get(i)[2]) ? " ok" : " WRONG")));
                }
                out.println(b.toString().stripTrailing());
            }
        }

        private void evalLct(PrintWriter out, ContextAnnotator context, Pipeline text) throws IOException {
            List<Path> anns;
            try (Stream<Path> s = Files.walk(lct)) {
                anns = s.filter(p -> p.getFileName().toString().endsWith(".ann")).sorted().toList();
            }
            Counts negation = new Counts();
            Counts hypothetical = new Counts();
            Counts possible = new Counts();
            Counts either = new Counts();
            int documents = 0;
            int spans = 0;
            int skipped = 0;
            for (Path ann : anns) {
                String name = ann.getFileName().toString();
                Path txt = ann.resolveSibling(name.substring(0, name.length() - 4) + ".txt");
                if (!Files.isRegularFile(txt)) {
                    skipped++;
                    continue;
                }
                String content = Files.readString(txt, StandardCharsets.UTF_8);
                Brat brat = Brat.parse(Files.readAllLines(ann, StandardCharsets.UTF_8));
                Document doc = text.process(Text.of(name, content));
                documents++;
                for (Brat.Span span : brat.targets()) {
                    if (span.end() > content.length()) {
                        skipped++;
                        continue;
                    }
                    spans++;
                    Assertion a = context.assess(doc, span.start(), span.end());
                    boolean sysHyp = a.temporality() == Assertion.Temporality.HYPOTHETICAL || a.conditional();
                    boolean sysPos = a.certainty() == Assertion.Certainty.POSSIBLE;
                    negation.add(span.negated(), a.negated());
                    hypothetical.add(span.hypothetical(), sysHyp);
                    possible.add(span.possible(), sysPos);
                    either.add(span.hypothetical() || span.possible(), sysHyp || sysPos);
                }
            }
            out.println("Leaf Clinical Trials: " + documents + " documents, " + spans + " spans (Condition, "
                    + "Observation, Procedure, Drug) from " + lct + (skipped > 0 ? "; " + skipped + " skipped" : ""));
            out.printf(Locale.ROOT, "%-28s%10s%10s%10s%8s%8s%8s%n", "class", "precision", "recall", "F1", "gold",
                    "tp", "fp");
            lctRow(out, "negated", negation);
            lctRow(out, "hypothetical", hypothetical);
            lctRow(out, "possible", possible);
            lctRow(out, "hypothetical or possible", either);
        }

        private static void lctRow(PrintWriter out, String label, Counts c) {
            out.printf(Locale.ROOT, "%-28s%10.4f%10.4f%10.4f%8d%8d%8d%n", label, c.precision(), c.recall(), c.f1(),
                    c.gold(), c.tp, c.fp);
        }

        private static Map<String, Integer> header(String line) {
            Map<String, Integer> col = new HashMap<>();
            String[] h = line.split("\t", -1);
            for (int i = 0; i < h.length; i++) {
                col.put(h[i].trim().toLowerCase(Locale.ROOT), i);
            }
            return col;
        }

        private static String flat(String s) {
            return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
    }

    static boolean isNegated(String polarity) {
        return "negated".equals(polarity);
    }

    /** True/false positives and negatives of one class. */
    static final class Counts {
        int tp;
        int fp;
        int fn;
        int tn;

        void add(boolean gold, boolean system) {
            if (gold && system) {
                tp++;
            } else if (system) {
                fp++;
            } else if (gold) {
                fn++;
            } else {
                tn++;
            }
        }

        int gold() {
            return tp + fn;
        }

        int total() {
            return tp + fp + fn + tn;
        }

        double precision() {
            return total() == 0 ? Double.NaN : tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return total() == 0 ? Double.NaN : tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return total() == 0 ? Double.NaN : p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * Scores of one system against the kit's gold: negation on the class negated (a "possible" label counts as not
     * negated), temporality per class, experiencer accuracy, and the three confusion matrices. A system label that is
     * {@code null} (a reference system without that output) leaves the row out of that measure.
     */
    static final class Scores {
        final Counts negation = new Counts();
        final Counts[] temporal = {new Counts(), new Counts(), new Counts()};
        final int[][] negationMatrix = new int[2][POLARITY.length + 1];
        final int[][] temporalMatrix = new int[TEMPORALITY.length][TEMPORALITY.length + 1];
        final int[][] experiencerMatrix = new int[EXPERIENCER.length][EXPERIENCER.length + 1];
        int negationScored;
        int negationRight;
        int temporalScored;
        int experiencerScored;
        int experiencerRight;
        int familyGold;
        int familyRight;

        static Scores of(List<String[]> gold, List<String[]> system) {
            Scores s = new Scores();
            for (int i = 0; i < gold.size(); i++) {
                s.add(gold.get(i), system.get(i));
            }
            return s;
        }

        void add(String[] g, String[] m) {
            if (m[0] != null) {
                negationScored++;
                boolean gn = isNegated(g[0]);
                boolean mn = isNegated(m[0]);
                negation.add(gn, mn);
                if (gn == mn) {
                    negationRight++;
                }
                negationMatrix[gn ? 1 : 0][index(POLARITY, m[0])]++;
            }
            if (m[1] != null) {
                temporalScored++;
                for (int t = 0; t < TEMPORALITY.length; t++) {
                    temporal[t].add(g[1].equals(TEMPORALITY[t]), m[1].equals(TEMPORALITY[t]));
                }
                int gi = index(TEMPORALITY, g[1]);
                if (gi < TEMPORALITY.length) {
                    temporalMatrix[gi][index(TEMPORALITY, m[1])]++;
                }
            }
            if (m[2] != null) {
                experiencerScored++;
                if (g[2].equals(m[2])) {
                    experiencerRight++;
                }
                if (g[2].equals("family")) {
                    familyGold++;
                    if (m[2].equals("family")) {
                        familyRight++;
                    }
                }
                int gi = index(EXPERIENCER, g[2]);
                if (gi < EXPERIENCER.length) {
                    experiencerMatrix[gi][index(EXPERIENCER, m[2])]++;
                }
            }
        }

        double negationAccuracy() {
            return negationScored == 0 ? Double.NaN : negationRight / (double) negationScored;
        }

        double experiencerAccuracy() {
            return experiencerScored == 0 ? Double.NaN : experiencerRight / (double) experiencerScored;
        }

        void printMatrices(PrintWriter out) {
            if (negationScored > 0) {
                matrix(out, "negation", new String[] {"affirmed", "negated"}, POLARITY, negationMatrix);
            }
            if (temporalScored > 0) {
                matrix(out, "temporality", TEMPORALITY, TEMPORALITY, temporalMatrix);
            }
            if (experiencerScored > 0) {
                matrix(out, "experiencer", EXPERIENCER, EXPERIENCER, experiencerMatrix);
            }
        }

        private static void matrix(PrintWriter out, String title, String[] rows, String[] cols, int[][] m) {
            boolean other = false;
            for (int[] r : m) {
                other |= r[cols.length] > 0;
            }
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %-14s", title));
            for (String c : cols) {
                h.append(String.format(Locale.ROOT, "%14s", c));
            }
            if (other) {
                h.append(String.format(Locale.ROOT, "%14s", "(other)"));
            }
            out.println(h);
            for (int r = 0; r < rows.length; r++) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-14s", rows[r]));
                for (int c = 0; c < cols.length + (other ? 1 : 0); c++) {
                    b.append(String.format(Locale.ROOT, "%14d", m[r][c]));
                }
                out.println(b);
            }
        }

        private static int index(String[] values, String v) {
            for (int i = 0; i < values.length; i++) {
                if (values[i].equals(v)) {
                    return i;
                }
            }
            return values.length; // an unexpected label: counted in the "(other)" column
        }
    }

    /**
     * The parts of a Leaf Clinical Trials brat file that assertion is scored on. Target spans are the text-bound
     * annotations of {@code Condition}, {@code Observation}, {@code Procedure} and {@code Drug} events. A target is
     * negated when a {@code Negation} event names its event as a {@code Negates} argument; hypothetical or possible
     * when an {@code Assertion} event names it as an {@code Asserted} argument and the event's
     * {@code Assertion-Type-Value} attribute is {@code hypothetical} or {@code possible} ({@code intention} counts as
     * neither). Discontinuous spans are scored from their first start to their last end.
     */
    record Brat(List<Span> targets) {
        static final Set<String> TARGET_TYPES = Set.of("Condition", "Observation", "Procedure", "Drug");

        record Span(String event, int start, int end, boolean negated, boolean hypothetical, boolean possible) {
        }

        static Brat parse(List<String> lines) {
            Map<String, int[]> textBound = new HashMap<>();
            Map<String, String> eventType = new LinkedHashMap<>();
            Map<String, String> eventTrigger = new HashMap<>();
            Map<String, List<String>> eventArgs = new HashMap<>();
            Map<String, String> assertionType = new HashMap<>();
            for (String line : lines) {
                String[] c = line.split("\t", -1);
                if (c.length < 2 || c[0].isEmpty()) {
                    continue;
                }
                char kind = c[0].charAt(0);
                if (kind == 'T') {
                    // T12<TAB>Condition 10 20;25 30<TAB>text
                    String[] typeAndOffsets = c[1].split(" ", 2);
                    if (typeAndOffsets.length < 2) {
                        continue;
                    }
                    int start = Integer.MAX_VALUE;
                    int end = -1;
                    try {
                        for (String frag : typeAndOffsets[1].split(";")) {
                            String[] se = frag.trim().split(" ");
                            start = Math.min(start, Integer.parseInt(se[0]));
                            end = Math.max(end, Integer.parseInt(se[1]));
                        }
                    } catch (RuntimeException e) {
                        throw new UncheckedIOException(new IOException("brat line '" + line
                                + "': offsets are not 'start end[;start end]'"));
                    }
                    textBound.put(c[0], new int[] {start, end});
                } else if (kind == 'E') {
                    // E6<TAB>Assertion:T40 Asserted:E7 Asserted2:E9
                    String[] args = c[1].trim().split(" +");
                    String[] head = args[0].split(":", 2);
                    if (head.length < 2) {
                        continue;
                    }
                    eventType.put(c[0], head[0]);
                    eventTrigger.put(c[0], head[1]);
                    List<String> rest = new ArrayList<>();
                    for (int i = 1; i < args.length; i++) {
                        rest.add(args[i]);
                    }
                    eventArgs.put(c[0], rest);
                } else if (kind == 'A') {
                    // A21<TAB>Assertion-Type-Value E6 hypothetical
                    String[] a = c[1].trim().split(" +");
                    if (a.length >= 3 && a[0].equals("Assertion-Type-Value")) {
                        assertionType.put(a[1], a[2]);
                    }
                }
            }
            Set<String> negated = new java.util.HashSet<>();
            Set<String> hypothetical = new java.util.HashSet<>();
            Set<String> possible = new java.util.HashSet<>();
            for (Map.Entry<String, String> e : eventType.entrySet()) {
                boolean isNegation = e.getValue().equals("Negation");
                boolean isAssertion = e.getValue().equals("Assertion");
                if (!isNegation && !isAssertion) {
                    continue;
                }
                String type = assertionType.get(e.getKey());
                for (String arg : eventArgs.get(e.getKey())) {
                    String[] kv = arg.split(":", 2);
                    if (kv.length < 2) {
                        continue;
                    }
                    if (isNegation && kv[0].startsWith("Negates")) {
                        negated.add(kv[1]);
                    } else if (isAssertion && kv[0].startsWith("Asserted")) {
                        if ("hypothetical".equals(type)) {
                            hypothetical.add(kv[1]);
                        } else if ("possible".equals(type)) {
                            possible.add(kv[1]);
                        }
                    }
                }
            }
            List<Span> targets = new ArrayList<>();
            for (Map.Entry<String, String> e : eventType.entrySet()) {
                if (!TARGET_TYPES.contains(e.getValue())) {
                    continue;
                }
                int[] span = textBound.get(eventTrigger.get(e.getKey()));
                if (span == null || span[1] <= span[0]) {
                    continue;
                }
                String id = e.getKey();
                targets.add(new Span(id, span[0], span[1], negated.contains(id), hypothetical.contains(id),
                        possible.contains(id)));
            }
            targets.sort((a, b) -> Integer.compare(a.start(), b.start()));
            return new Brat(List.copyOf(targets));
        }
    }
}
