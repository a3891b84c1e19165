/**
 * The application facade: {@link org.medsift.app.Extraction} wires the lexicon, the default clinical pipeline and
 * the context rules; {@code batch} runs it over files; {@code output} writes JSON, FHIR R4, OMOP NOTE_NLP and brat.
 * Front ends (CLI, server, Spark) are thin adapters over this package.
 */
package org.medsift.app;
