package org.medsift.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medsift.core.model.Assertion;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.nlp.assertion.ContextAnnotator;
import org.medsift.nlp.assertion.ContextRules;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift context}: assertion of given spans, for evaluating the context annotator in isolation.
 *
 * <p>Input rows {@code id<TAB>text<TAB>start<TAB>end} (a header row whose start column is not a number is
 * skipped); output rows {@code id<TAB>negated|affirmed|possible<TAB>recent|historical|hypothetical<TAB>
 * patient|family|other}, one per input row in the same order. A malformed row gives {@code id<TAB>invalid<TAB>
 * invalid<TAB>invalid} and a problem line on standard error naming the line.
 */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = {"Assigns negation, temporality and experiencer to given spans.",
                "Input: id<TAB>text<TAB>start<TAB>end per row (UTF-16 offsets, half-open).",
                "Output: id<TAB>negated|affirmed|possible<TAB>recent|historical|hypothetical<TAB>patient|family|other"})
public final class ContextCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tsv", required = true, paramLabel = "FILE", description = "Input rows, or - for standard input.")
    String tsv;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file. Default: standard output.")
    Path out;

    @Option(names = "--rules", paramLabel = "FILE", description = "A site context-rules file added to the defaults "
            + "(repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--explain", description = "Add a fifth column naming the triggers and their scopes.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        for (Path r : rules) {
            if (!Files.isRegularFile(r)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rules file not found: " + r);
            }
        }
        if (!tsv.equals("-") && !Files.isRegularFile(Path.of(tsv))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tsv file not found: " + tsv);
        }
        ContextAnnotator context = annotator(rules);
        Pipeline text = textPipeline();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        try (BufferedReader in = tsv.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(tsv), StandardCharsets.UTF_8);
             PrintWriter w = out == null ? spec.commandLine().getOut()
                     : new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (lineNo == 1 && cols.length >= 4 && !isInt(cols[2])) {
                    continue;
                }
                String id = cols[0];
                String error = check(cols);
                if (error != null) {
                    bad++;
                    err.println("problem: CONTEXT-0001 WARNING line " + lineNo + ": " + error);
                    w.println(id + "\tinvalid\tinvalid\tinvalid");
                    continue;
                }
                int start = Integer.parseInt(cols[2].trim());
                int end = Integer.parseInt(cols[3].trim());
                Assertion a = assess(text, context, id, cols[1], start, end);
                w.print(id + "\t" + polarity(a) + "\t" + lower(a.temporality()) + "\t" + lower(a.experiencer()));
                if (explain) {
                    w.print("\t" + explanation(a));
                }
                w.println();
            }
            w.flush();
        }
        return ExitCodes.OK;
    }

    /** The context annotator with the bundled rules and then each site file in order (shared with {@code eval}). */
    static ContextAnnotator annotator(List<Path> siteRules) {
        return new ContextAnnotator(siteRules.isEmpty() ? ContextRules.defaults()
                : ContextRules.withSiteRules(siteRules));
    }

    /** The text stages (tokenizer, sentences, sections) that each row goes through before assessment. */
    static Pipeline textPipeline() {
        return ClinicalPipeline.textStages().build();
    }

    /**
     * The assertion of {@code [start, end)} in {@code text}, processed as its own document: the code path of every
     * {@code medsift context} row, shared with {@code medsift eval context} so both score the same thing.
     */
    static Assertion assess(Pipeline text, ContextAnnotator context, String id, String content, int start, int end) {
        Document doc = text.process(Text.of(id, content));
        return context.assess(doc, start, end);
    }

    /** The temporality label as printed ({@code recent}, {@code historical}, {@code hypothetical}). */
    static String temporality(Assertion a) {
        return lower(a.temporality());
    }

    /** The experiencer label as printed ({@code patient}, {@code family}, {@code other}). */
    static String experiencer(Assertion a) {
        return lower(a.experiencer());
    }

    private static String check(String[] cols) {
        if (cols.length < 4) {
            return "found " + cols.length + " columns, expected 4 (id, text, start, end)";
        }
        if (!isInt(cols[2]) || !isInt(cols[3])) {
            return "start/end must be integers";
        }
        int start = Integer.parseInt(cols[2].trim());
        int end = Integer.parseInt(cols[3].trim());
        if (start < 0 || end <= start || end > cols[1].length()) {
            return "span [" + start + ", " + end + ") is outside the text of " + cols[1].length() + " chars";
        }
        return null;
    }

    private static boolean isInt(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 9) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String polarity(Assertion a) {
        return org.medsift.app.output.ExplanationWriter.polarity(a);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String explanation(Assertion a) {
        List<String> parts = new ArrayList<>();
        a.cues().forEach(c -> parts.add(c.category() + " '" + c.trigger() + "' [" + c.start() + "," + c.end()
                + ") scope [" + c.scopeStart() + "," + c.scopeEnd() + ") " + c.rule()));
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }
}
