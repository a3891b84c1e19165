/**
 * JMH benchmarks of the default clinical pipeline: each stage alone ({@link org.medsift.bench.StageBenchmark})
 * and the whole pipeline ({@link org.medsift.bench.PipelineBenchmark}), over a generated note corpus
 * ({@link org.medsift.bench.NoteCorpus}) or a folder of notes. Built as {@code target/benchmarks.jar}; how to run
 * them and the figures are in {@code docs/benchmarks.md}. Nothing here runs during the build's tests.
 */
package org.medsift.bench;
