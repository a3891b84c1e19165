package org.medsift.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
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
 * One stage of the default pipeline alone, one document per invocation, cycling through the corpus.
 *
 * <p>In setup, every document is run once through the stages before {@code stage} (the prefix), and the layers
 * they produce are kept. Each invocation then creates a fresh {@link Document} for the next text, puts the kept
 * prefix layers into it (a few array stores) and runs {@code stage} alone. Prefix layers are shared between
 * invocations, which is safe because a stage only reads the layers it requires. The small fixed cost of the
 * fresh document is measured by {@link #documentOnly} and is also part of every {@link PipelineBenchmark}
 * invocation.
 *
 * <p>Results: {@code ops/s} = documents per second; the secondary result {@code ·mb} = MB/s of UTF-8 input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class StageBenchmark {
    /** The stage under test, by its name in the pipeline. */
    @Param({"tokenizer", "sentences", "sections", "lexicon", "context", "medications", "measurements"})
    public String stage;

    /** {@code generated}, {@code examples} or a folder of {@code .txt} notes; see {@link NoteCorpus#resolve}. */
    @Param({NoteCorpus.GENERATED})
    public String corpus;

    private Annotator annotator;
    private Text[] texts;
    private int[] utf8Bytes;
    private Document[] prepared;
    private LayerKey<?>[] prefixLayers;

    @Setup
    public void setup() {
        NoteCorpus notes = NoteCorpus.resolve(corpus);
        Pipeline full = BenchPipelines.defaultPipeline();
        List<Annotator> stages = full.annotators();
        int at = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stage)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("no stage '" + stage + "'; stages: " + full.stageNames());
        }
        annotator = stages.get(at);
        Pipeline.Builder prefix = Pipeline.builder();
        Set<LayerKey<?>> layers = new LinkedHashSet<>();
        for (Annotator a : stages.subList(0, at)) {
            prefix.add(a);
            layers.addAll(a.produces());
        }
        layers.remove(Layers.TEXT);
        prefixLayers = layers.toArray(new LayerKey<?>[0]);
        Pipeline prefixPipeline = prefix.build();

        texts = notes.notes().toArray(new Text[0]);
        utf8Bytes = notes.utf8Bytes();
        prepared = new Document[texts.length];
        for (int i = 0; i < texts.length; i++) {
            prepared[i] = prefixPipeline.process(texts[i]);
        }
    }

    /** Runs the stage on the next document. */
    @Benchmark
    public Document stage(Cursor cursor) {
        int i = cursor.next(texts.length, utf8Bytes);
        Document doc = fresh(i);
        annotator.annotate(doc, cursor.workspace);
        return doc;
    }

    /** The fixed cost included in {@link #stage}: a fresh document with the prefix layers put in. */
    @Benchmark
    public Document documentOnly(Cursor cursor) {
        return fresh(cursor.next(texts.length, utf8Bytes));
    }

    private Document fresh(int i) {
        Document doc = new Document(texts[i]);
        Document from = prepared[i];
        for (LayerKey<?> key : prefixLayers) {
            copy(key, from, doc);
        }
        return doc;
    }

    private static <T> void copy(LayerKey<T> key, Document from, Document to) {
        to.put(key, from.require(key));
    }
}
