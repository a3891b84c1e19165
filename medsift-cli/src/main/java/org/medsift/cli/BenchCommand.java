package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.medsift.app.Extraction;
import org.medsift.app.batch.InputDocuments;
import org.medsift.core.pipeline.StageListener;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.vocab.Lexicon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code medsift bench}: the default pipeline over notes held in memory, on N threads, after a warm-up. Prints
 * start-up time, throughput, per-stage share of time and peak heap, one {@code key: value} per line; the last line
 * is {@code throughput: X MB/s, Y notes/s} (MB = 10^6 bytes of UTF-8 input). No output is written: this measures
 * the engine, not the writers (use {@code extract} under {@code /usr/bin/time -v} for end-to-end figures).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks the default pipeline: reads the notes into memory once, builds the engine,",
                "warms up, then runs the pipeline over the notes (round robin) on N threads for the measurement",
                "time. Prints start-up (JVM start to engine ready), MB/s, notes/s, per-stage share of time and",
                "peak heap; the last line is 'throughput: X MB/s, Y notes/s' (MB = 10^6 bytes)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:failure (no readable note)", "2:usage error"})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    NerOptions ner = new NerOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (searched recursively for "
            + "*.txt).")
    List<Path> paths;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads. "
            + "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon (.lex) instead of the "
            + "embedded default.")
    Path lexicon;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "10",
            description = "Warm-up time (same threads, not measured). Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "Measurement time. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, was "
                    + threads);
        }
        if (!(warmupSeconds >= 0) || !(seconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--warmup-seconds must be >= 0 and --seconds > 0");
        }
        if (lexicon != null && !Files.isRegularFile(lexicon)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lexicon file not found: " + lexicon);
        }
        List<InputDocuments.Input> inputs;
        try {
            inputs = InputDocuments.expand(paths);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + e.getFile());
        }

        // engine first, so that start-up is what a run pays before its first note: JVM, classes, lexicon, pipeline
        Extraction.Builder eb = Extraction.builder();
        if (lexicon != null) {
            eb.lexicon(Lexicon.open(lexicon));
        }
        ner.apply(spec.commandLine(), eb);
        Extraction extraction = NerOptions.build(spec.commandLine(), eb);
        double startupS = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;

        long r0 = System.nanoTime();
        List<Text> notes = new ArrayList<>(inputs.size());
        List<Long> sizes = new ArrayList<>(inputs.size());
        long corpusBytes = 0;
        for (InputDocuments.Input in : inputs) {
            InputDocuments.Decoded d = InputDocuments.read(in, InputDocuments.DEFAULT_MAX_BYTES);
            if (!d.processable()) {
                err.println("medsift: skipped " + in.id() + " (not readable as text)");
                continue;
            }
            notes.add(Text.of(d.id(), d.text()));
            sizes.add(d.bytes());
            corpusBytes += d.bytes();
        }
        double loadS = (System.nanoTime() - r0) / 1e9;
        if (notes.isEmpty()) {
            err.println("medsift: error: no readable note under " + paths);
            return ExitCodes.FAILURE;
        }
        Text[] texts = notes.toArray(new Text[0]);
        long[] bytes = sizes.stream().mapToLong(Long::longValue).toArray();
        List<String> stages = extraction.pipeline().stageNames();

        Run warm = run(extraction, texts, bytes, stages.size(), (long) (warmupSeconds * 1e9));
        long gc0 = gcMillis();
        Run m = run(extraction, texts, bytes, stages.size(), (long) (seconds * 1e9));
        double gcS = (gcMillis() - gc0) / 1e3;

        double timeS = m.wallNanos / 1e9;
        double mbPerS = m.bytes / 1e6 / timeS;
        double notesPerS = m.notes / timeS;
        long stageTotal = 0;
        for (long s : m.stageNanos) {
            stageTotal += s;
        }

        out.println("notes: " + texts.length);
        out.println("bytes: " + corpusBytes);
        out.println("lexicon: " + extraction.lexicon().name() + " " + extraction.lexicon().version());
        out.println("stages: " + String.join(",", stages));
        out.println("ner_models: " + (extraction.nerModels().isEmpty() ? "none"
                : String.join(",", extraction.nerModels())));
        out.println("threads: " + threads);
        out.printf(Locale.ROOT, "startup_s: %.3f%n", startupS);
        out.printf(Locale.ROOT, "load_notes_s: %.3f%n", loadS);
        out.printf(Locale.ROOT, "warmup_s: %.3f (%d notes)%n", warm.wallNanos / 1e9, warm.notes);
        out.printf(Locale.ROOT, "time_s: %.3f%n", timeS);
        out.println("notes_processed: " + m.notes);
        out.println("bytes_processed: " + m.bytes);
        out.println("findings_per_note: " + String.format(Locale.ROOT, "%.2f", (double) m.findings / m.notes));
        for (int i = 0; i < stages.size(); i++) {
            out.printf(Locale.ROOT, "stage.%s: %.1f%% (%.1f us/note)%n", stages.get(i),
                    stageTotal == 0 ? 0.0 : 100.0 * m.stageNanos[i] / stageTotal, m.stageNanos[i] / 1e3 / m.notes);
        }
        if (m.cpuNanos > 0) {
            out.printf(Locale.ROOT, "worker_cpu_s: %.3f%n", m.cpuNanos / 1e9);
            out.printf(Locale.ROOT, "mb_per_worker_cpu_s: %.3f%n", m.bytes / 1e6 / (m.cpuNanos / 1e9));
        }
        out.printf(Locale.ROOT, "mb_per_s_per_thread: %.3f%n", mbPerS / threads);
        out.printf(Locale.ROOT, "gc_s: %.3f%n", gcS);
        out.printf(Locale.ROOT, "heap_max_mb: %.1f%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        out.printf(Locale.ROOT, "peak_heap_mb: %.1f%n", peakHeapBytes() / 1048576.0);
        out.printf(Locale.ROOT, "throughput: %.3f MB/s, %.1f notes/s%n", mbPerS, notesPerS);
        out.flush();
        return ExitCodes.OK;
    }

    /** What the workers did in one timed phase. */
    private static final class Run {
        long wallNanos;
        long notes;
        long bytes;
        long findings;
        long cpuNanos;
        long[] stageNanos;
    }

    private Run run(Extraction extraction, Text[] texts, long[] bytes, int stageCount, long nanos) {
        Run r = new Run();
        r.stageNanos = new long[stageCount];
        if (nanos <= 0) {
            return r;
        }
        AtomicLong next = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Worker[] workers = new Worker[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(extraction, texts, bytes, stageCount, next, ready, go);
            ts[t] = new Thread(workers[t], "bench-" + t);
            ts[t].start();
        }
        try {
            ready.await();
            long t0 = System.nanoTime();
            long deadline = t0 + nanos;
            for (Worker w : workers) {
                w.deadline = deadline;
            }
            go.countDown();
            for (Thread t : ts) {
                t.join();
            }
            r.wallNanos = System.nanoTime() - t0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("pipeline failed: " + w.failure, w.failure);
            }
            r.notes += w.notes;
            r.bytes += w.bytes;
            r.findings += w.findings;
            r.cpuNanos += w.cpuNanos;
            for (int i = 0; i < stageCount; i++) {
                r.stageNanos[i] += w.stageNanos[i];
            }
        }
        return r;
    }

    /** One worker: takes the next note (round robin over the corpus) until the deadline. */
    private static final class Worker implements Runnable, StageListener {
        private final Extraction extraction;
        private final Text[] texts;
        private final long[] sizes;
        private final AtomicLong next;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        final long[] stageNanos;
        volatile long deadline;
        long notes;
        long bytes;
        long findings;
        long cpuNanos;
        Throwable failure;

        Worker(Extraction extraction, Text[] texts, long[] sizes, int stageCount, AtomicLong next,
                CountDownLatch ready, CountDownLatch go) {
            this.extraction = extraction;
            this.texts = texts;
            this.sizes = sizes;
            this.next = next;
            this.ready = ready;
            this.go = go;
            this.stageNanos = new long[stageCount];
        }

        @Override
        public void stageDone(int stage, String name, long nanos) {
            stageNanos[stage] += nanos;
        }

        @Override
        public void run() {
            ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
            boolean cpu = tmx.isCurrentThreadCpuTimeSupported();
            try {
                ready.countDown();
                go.await();
                long c0 = cpu ? tmx.getCurrentThreadCpuTime() : 0;
                long end = deadline;
                int n = texts.length;
                do {
                    int i = (int) (next.getAndIncrement() % n);
                    Document doc = extraction.extract(texts[i], this);
                    findings += countFindings(doc);
                    notes++;
                    bytes += sizes[i];
                } while (System.nanoTime() < end);
                cpuNanos = cpu ? tmx.getCurrentThreadCpuTime() - c0 : 0;
            } catch (Throwable e) {
                failure = e;
            }
        }

        private static int countFindings(Document doc) {
            return doc.has(Layers.CONCEPTS) ? doc.require(Layers.CONCEPTS).size() : 0;
        }
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** Sum of the heap pools' peak usage since JVM start (an upper bound of the peak heap in use). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
