package org.medsift.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medsift.vocab.synth.SyntheticUmls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medsift lexicon synth}: writes a synthetic UMLS-scale MRCONSO.RRF and MRSTY.RRF for benchmarks. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic UMLS release (MRCONSO.RRF, MRSTY.RRF) for benchmarks; deterministic.",
                "1,500,000 concepts give about 4.5 million MRCONSO rows (about 320 MB)."})
final class LexiconSynthCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;
    @Option(names = "--concepts", paramLabel = "N", defaultValue = "1500000", description = "Number of concepts."
            + " Default: ${DEFAULT-VALUE}.")
    int concepts;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed. Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (concepts < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concepts must be at least 1, was "
                    + concepts);
        }
        long t0 = System.nanoTime();
        long rows = new SyntheticUmls(seed, 250_000).write(out, concepts);
        spec.commandLine().getOut().printf(Locale.ROOT, "concepts: %d%nmrconso_rows: %d%ntime_s: %.1f%n", concepts,
                rows, (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
