package org.medsift.core.text;

import java.time.LocalDate;
import java.util.List;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.Medication;
import org.medsift.core.model.TemporalExpression;

/** The standard layers. Annotators declare which they require and produce. */
public final class Layers {
    /** The document text itself; always present. */
    public static final LayerKey<Text> TEXT = LayerKey.of("text");
    /** Tokens, in text order. */
    public static final LayerKey<TokenTable> TOKENS = LayerKey.of("tokens");
    /** Sentences as token ranges, in text order, covering every token. */
    public static final LayerKey<SpanTable> SENTENCES = LayerKey.of("sentences");
    /** Sections in text order, covering the whole text. */
    public static final LayerKey<List<Section>> SECTIONS = LayerKey.of("sections");
    /** Concept mentions from the lexicon (and learned models), sorted by start then longest first. */
    public static final LayerKey<List<ConceptMention>> CONCEPTS = LayerKey.of("concepts");
    /**
     * Marker layer: produced by the context annotator once {@link #CONCEPTS} carry their assertions. The value is
     * the same list as {@link #CONCEPTS}.
     */
    public static final LayerKey<List<ConceptMention>> ASSERTIONS = LayerKey.of("assertions");

    /** Medications: drug mentions with their signatures, in text order of the drug. */
    public static final LayerKey<List<Medication>> MEDICATIONS = LayerKey.of("medications");
    /** Lab results and vital signs with their values, in text order of the name. */
    public static final LayerKey<List<Measurement>> MEASUREMENTS = LayerKey.of("measurements");
    /** Dates, times, durations and relative expressions, in text order, non-overlapping. */
    public static final LayerKey<List<TemporalExpression>> TEMPORALS = LayerKey.of("temporals");
    /**
     * The document (note) date, against which relative temporal expressions are resolved. Set by the caller before
     * the pipeline runs (e.g. {@code medsift extract --document-date 2026-03-07}); no annotator produces it and
     * none requires it: without it relative expressions keep their offset and get no value.
     */
    public static final LayerKey<LocalDate> DOCUMENT_DATE = LayerKey.of("document-date");

    private Layers() {
    }
}
