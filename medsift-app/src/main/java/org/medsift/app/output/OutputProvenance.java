package org.medsift.app.output;

import java.time.Instant;
import java.util.List;

/**
 * What produced an output, as the caller states it: written into JSON ({@code provenance}), NOTE_NLP
 * ({@code nlp_system}, {@code nlp_date}, {@code nlp_datetime}) and FHIR ({@code meta.source}).
 *
 * @param tool           tool name, e.g. {@code medsift}
 * @param toolVersion    tool version, e.g. {@code 0.1.0}
 * @param lexicon        lexicon name, e.g. {@code medsift-default}; empty when none was used
 * @param lexiconVersion lexicon version; empty when none was used
 * @param stages         pipeline stage (annotator) names, in order
 * @param ruleFiles      site rule files added to the defaults (file names only, no paths)
 * @param timestamp      when the run started (UTC instant); outputs written from one run share it
 */
public record OutputProvenance(String tool, String toolVersion, String lexicon, String lexiconVersion,
        List<String> stages, List<String> ruleFiles, Instant timestamp) {
    public OutputProvenance {
        if (tool == null || tool.isEmpty() || toolVersion == null || toolVersion.isEmpty()) {
            throw new IllegalArgumentException("provenance needs a tool name and version");
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("provenance needs a timestamp");
        }
        lexicon = lexicon == null ? "" : lexicon;
        lexiconVersion = lexiconVersion == null ? "" : lexiconVersion;
        stages = stages == null ? List.of() : List.copyOf(stages);
        ruleFiles = ruleFiles == null ? List.of() : List.copyOf(ruleFiles);
    }
}
