package org.medsift.bench;

import java.util.concurrent.TimeUnit;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole default pipeline (tokenizer, sentences, sections, lexicon, context, medications, measurements: every
 * stage of {@code ClinicalPipeline.builder}), one document per invocation,
 * cycling through the corpus; what {@code Extraction.extract(Text)} does, without reading files or writing
 * output.
 *
 * <p>Results: {@code ops/s} = documents per second; the secondary result {@code ·mb} = MB/s of UTF-8 input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {
    /** {@code generated}, {@code examples} or a folder of {@code .txt} notes; see {@link NoteCorpus#resolve}. */
    @Param({NoteCorpus.GENERATED})
    public String corpus;

    private Pipeline pipeline;
    private Text[] texts;
    private int[] utf8Bytes;

    @Setup
    public void setup() {
        NoteCorpus notes = NoteCorpus.resolve(corpus);
        pipeline = BenchPipelines.defaultPipeline();
        texts = notes.notes().toArray(new Text[0]);
        utf8Bytes = notes.utf8Bytes();
    }

    /** Runs every stage on the next document. */
    @Benchmark
    public Document pipeline(Cursor cursor) {
        return pipeline.process(texts[cursor.next(texts.length, utf8Bytes)]);
    }
}
