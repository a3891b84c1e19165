/**
 * Annotators and the pipeline that runs them.
 *
 * <p>An {@link org.medsift.core.pipeline.Annotator} reads some layers of a
 * {@link org.medsift.core.text.Document} and adds others; it declares both ({@code requires()},
 * {@code produces()}). A {@link org.medsift.core.pipeline.Pipeline} is an ordered list of annotators, checked when
 * it is built (every required layer is produced by an earlier annotator), immutable and thread-safe. Each thread
 * that calls {@link org.medsift.core.pipeline.Pipeline#process} gets its own
 * {@link org.medsift.core.pipeline.Workspace} of scratch buffers, so annotators keep no per-document state in
 * fields.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder()
 *         .add(new ClinicalTokenizer())
 *         .add(new SentenceSplitter())
 *         .add(new SectionDetector())
 *         .add(new LexiconMatcher(lexicon))
 *         .add(new ContextAnnotator(rules))
 *         .build();                     // throws PipelineConfigurationException if wiring is wrong
 * Document doc = pipeline.process(Text.of("note-1", "No fever."));   // any thread
 * }</pre>
 *
 * <h2>Hints, tips and traps</h2>
 * <ul>
 *   <li>Annotators must be immutable: configuration in final fields, scratch space from the workspace.</li>
 *   <li>Do not allocate, box, log or compile regular expressions per token; prove it with JMH {@code -prof gc}.</li>
 *   <li>Bad input is reported with {@link org.medsift.core.text.Document#report}, never thrown; a thrown exception
 *   means a bug.</li>
 * </ul>
 */
package org.medsift.core.pipeline;
