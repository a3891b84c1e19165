package org.medsift.app.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.medsift.app.Extraction;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.problem.Problem;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;

/**
 * Runs an {@link Extraction} over many inputs on a pool of threads and writes each document's outputs. Inputs that
 * cannot be processed are reported as problems and counted; the others go on. Outputs of a document are written
 * by the thread that processed it, so memory stays bounded by the number of threads.
 */
public final class BatchRunner {
    private final Extraction extraction;
    private final Map<OutputFormat, DocumentWriter> writers;
    private final Path outDir;
    private final int threads;
    private final long maxBytes;

    /**
     * @param extraction the engine
     * @param writers    one writer per requested format
     * @param outDir     output folder (created)
     * @param threads    worker threads, at least 1
     * @param maxBytes   document size limit
     */
    public BatchRunner(Extraction extraction, Map<OutputFormat, DocumentWriter> writers, Path outDir, int threads,
            long maxBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.extraction = extraction;
        this.writers = Map.copyOf(writers);
        this.outDir = outDir;
        this.threads = threads;
        this.maxBytes = maxBytes;
    }

    /** One unit of work: a document id and how to get its decoded content. */
    public record Job(String id, Supplier<InputDocuments.Decoded> content) {
    }

    /** Jobs for files. */
    public static List<Job> jobs(List<InputDocuments.Input> inputs, long maxBytes) {
        List<Job> jobs = new ArrayList<>(inputs.size());
        for (InputDocuments.Input in : inputs) {
            jobs.add(new Job(in.id(), () -> InputDocuments.read(in, maxBytes)));
        }
        return jobs;
    }

    /**
     * Processes every job. {@code progress} (may be null) is told after each document how many are done.
     *
     * @throws IOException when the output folder cannot be written (a failure, exit 1)
     */
    public BatchSummary run(List<Job> jobs, ProgressListener progress) throws IOException {
        Files.createDirectories(outDir);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "medsift-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<DocResult>> futures = new ArrayList<>(jobs.size());
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    DocResult r = process(job);
                    if (progress != null) {
                        progress.done(done.incrementAndGet(), jobs.size());
                    }
                    return r;
                }));
            }
            List<DocResult> results = new ArrayList<>(jobs.size());
            for (Future<DocResult> f : futures) {
                results.add(get(f));
            }
            long nanos = System.nanoTime() - t0;
            return summarize(results, nanos);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DocResult get(Future<DocResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException) {
                throw ((UncheckedIOException) c).getCause();
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    private record DocResult(boolean processed, long chars, long bytes, List<ConceptMention> mentions,
            List<Problem> problems) {
    }

    private DocResult process(Job job) {
        InputDocuments.Decoded decoded = job.content().get();
        if (!decoded.processable()) {
            return new DocResult(false, 0, decoded.bytes(), List.of(), decoded.problems());
        }
        Document doc = extraction.extract(Text.of(job.id(), decoded.text()), decoded.problems());
        Path base = outDir.resolve(stripTxt(job.id()));
        try {
            Files.createDirectories(base.toAbsolutePath().getParent());
            for (Map.Entry<OutputFormat, DocumentWriter> w : writers.entrySet()) {
                w.getValue().write(doc, base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = doc.problems();
        return new DocResult(true, decoded.text().length(), decoded.bytes(), doc.require(Layers.CONCEPTS), problems);
    }

    static String stripTxt(String id) {
        String safe = id.equals("-") ? "stdin" : id;
        return safe.toLowerCase(java.util.Locale.ROOT).endsWith(".txt") ? safe.substring(0, safe.length() - 4) : safe;
    }

    private BatchSummary summarize(List<DocResult> results, long nanos) {
        int documents = 0;
        int failed = 0;
        long chars = 0;
        long bytes = 0;
        Map<String, Long> groups = new TreeMap<>();
        Map<String, Long> assertions = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (DocResult r : results) {
            if (r.processed()) {
                documents++;
            } else {
                failed++;
            }
            chars += r.chars();
            bytes += r.bytes();
            problems.addAll(r.problems());
            for (ConceptMention m : r.mentions()) {
                groups.merge(m.group().name(), 1L, Long::sum);
                Assertion a = m.assertion();
                if (a.negated()) {
                    assertions.merge("negated", 1L, Long::sum);
                }
                if (a.certainty() == Assertion.Certainty.POSSIBLE) {
                    assertions.merge("possible", 1L, Long::sum);
                }
                if (a.temporality() != Assertion.Temporality.RECENT) {
                    assertions.merge(a.temporality().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                }
                if (a.experiencer() != Assertion.Experiencer.PATIENT) {
                    assertions.merge(a.experiencer().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                }
                if (a.conditional()) {
                    assertions.merge("conditional", 1L, Long::sum);
                }
            }
        }
        return new BatchSummary(documents, failed, chars, bytes, Collections.unmodifiableMap(groups),
                Collections.unmodifiableMap(assertions), List.copyOf(problems), nanos, threads);
    }

    /** Told after each document. */
    @FunctionalInterface
    public interface ProgressListener {
        void done(int done, int total);
    }

    /** A console progress bar on standard error, redrawn at most ten times a second. */
    public static ProgressListener consoleBar(PrintStream err) {
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (done < total && now - last[0] < 100_000_000L) {
                    return;
                }
                last[0] = now;
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) done * width / total);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }
}
