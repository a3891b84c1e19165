package org.medsift.app;

import java.util.List;

/**
 * What produced a set of results.
 *
 * @param tool           {@code medsift}
 * @param version        Medsift's version
 * @param lexiconName    name of the compiled lexicon
 * @param lexiconVersion its version
 * @param stages         pipeline stage names, in order
 * @param ruleFiles      site context-rule files added to the defaults (file names only)
 */
public record RunProvenance(String tool, String version, String lexiconName, String lexiconVersion,
        List<String> stages, List<String> ruleFiles) {
    public RunProvenance {
        stages = List.copyOf(stages);
        ruleFiles = List.copyOf(ruleFiles);
    }
}
