package org.medsift.vocab;

/**
 * Provenance of lexicon entries: one source a lexicon was built from.
 *
 * @param id          short id used in mention provenance ({@code synthea}, {@code curated})
 * @param description what and which version ({@code Synthea 3.0.0 jar (Maven Central) modules/*.json})
 */
public record LexiconSource(String id, String description) {
    public LexiconSource {
        if (id == null || id.isBlank() || description == null) {
            throw new IllegalArgumentException("source needs an id and a description");
        }
    }
}
