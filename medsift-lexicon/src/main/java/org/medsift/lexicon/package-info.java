/**
 * The embedded default lexicon. {@link org.medsift.lexicon.DefaultLexicon#get()} returns the compiled lexicon that
 * ships in this jar; it is built when this module is built, by {@link org.medsift.lexicon.build.DefaultLexiconBuild},
 * from three named sources:
 * <ol>
 *   <li>the code/display pairs in the Synthea 3.0.0 jar on Maven Central ({@code modules/**.json},
 *   {@code immunization_schedule.json}, {@code costs/medications.csv}): the only
 *   source of SNOMED CT, RxNorm, LOINC and CVX codes;</li>
 *   <li>the medical name lists in the Datafaker 2.4.2 jar on Maven Central (uncoded);</li>
 *   <li>the curated clinical lexicon written for this project ({@code src/main/lexicon/curated/*.tsv}).</li>
 * </ol>
 * Thread-safe: the lexicon is immutable.
 */
package org.medsift.lexicon;
