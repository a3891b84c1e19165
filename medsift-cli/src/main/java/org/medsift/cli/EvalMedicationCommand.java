package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medsift.app.Extraction;
import org.medsift.app.eval.MedicationScorer;
import org.medsift.vocab.Lexicon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift eval medication}: per-attribute precision and recall of medications (drug, strength, dose amount,
 * form, route, frequency, duration, PRN, status, negated, historical), labs and vital signs (name, value, unit,
 * flag, reference range) against a folder of brat gold ({@code NAME.txt} + {@code NAME.ann}), strict: exact span
 * and type, attached to the gold's drug or test. Scored by {@link MedicationScorer}; documented in
 * {@code docs/evaluation.md}.
 */
@Command(name = "medication", mixinStandardHelpOptions = true,
        description = {"Scores medication, lab and vital-sign extraction on brat gold (NAME.txt + NAME.ann).",
                "Per type: exact span and type; attributes must be related to the gold's drug or test."})
final class EvalMedicationCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gold", paramLabel = "DIR", required = true, description = "Folder of brat gold files.")
    Path gold;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write each false negative and false positive "
            + "to this file.")
    Path errors;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon (.lex) instead of the "
            + "embedded default.")
    Path lexicon;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(gold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gold folder not found: " + gold);
        }
        Extraction.Builder b = Extraction.builder();
        if (lexicon != null) {
            if (!Files.isRegularFile(lexicon)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lexicon file not found: " + lexicon);
            }
            b.lexicon(Lexicon.open(lexicon));
        }
        MedicationScorer scorer = new MedicationScorer();
        scorer.scoreFolder(b.build(), gold);
        if (scorer.documents() == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gold " + gold
                    + ": no NAME.txt with a NAME.ann beside it");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("medication / lab / vital extraction: " + scorer.documents() + " documents from " + gold
                + " (strict: exact span and type, on the gold's drug or test)");
        out.print(scorer.table());
        if (errors != null) {
            Files.write(errors, scorer.errors(), StandardCharsets.UTF_8);
            out.println("disagreements written to " + errors);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
