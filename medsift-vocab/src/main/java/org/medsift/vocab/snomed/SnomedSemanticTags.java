package org.medsift.vocab.snomed;

import java.util.Map;
import org.medsift.core.model.SemanticGroup;

/**
 * SNOMED CT semantic tags (the parenthesised suffix of a fully specified name, "Asthma (disorder)") to semantic
 * groups. The same table as the default lexicon's Synthea reader, plus the tags of the drug model (clinical drug,
 * medicinal product form), cell and cell structure, and specimen. Unknown tags give {@code OTHER}.
 */
public final class SnomedSemanticTags {
    private static final Map<String, SemanticGroup> TAGS = Map.ofEntries(
            Map.entry("disorder", SemanticGroup.DISORDER),
            Map.entry("finding", SemanticGroup.FINDING),
            Map.entry("situation", SemanticGroup.FINDING),
            Map.entry("morphologic abnormality", SemanticGroup.DISORDER),
            Map.entry("procedure", SemanticGroup.PROCEDURE),
            Map.entry("regime/therapy", SemanticGroup.PROCEDURE),
            Map.entry("substance", SemanticGroup.SUBSTANCE),
            Map.entry("product", SemanticGroup.DRUG),
            Map.entry("medicinal product", SemanticGroup.DRUG),
            Map.entry("medicinal product form", SemanticGroup.DRUG),
            Map.entry("clinical drug", SemanticGroup.DRUG),
            Map.entry("body structure", SemanticGroup.ANATOMY),
            Map.entry("cell", SemanticGroup.ANATOMY),
            Map.entry("cell structure", SemanticGroup.ANATOMY),
            Map.entry("physical object", SemanticGroup.DEVICE),
            Map.entry("observable entity", SemanticGroup.OBSERVATION),
            Map.entry("assessment scale", SemanticGroup.OBSERVATION),
            Map.entry("social concept", SemanticGroup.OBSERVATION),
            Map.entry("qualifier value", SemanticGroup.OTHER),
            Map.entry("specimen", SemanticGroup.OTHER),
            Map.entry("environment", SemanticGroup.OTHER),
            Map.entry("event", SemanticGroup.OTHER),
            Map.entry("person", SemanticGroup.OTHER),
            Map.entry("record artifact", SemanticGroup.OTHER),
            Map.entry("organism", SemanticGroup.OTHER));

    private SnomedSemanticTags() {
    }

    /** The semantic tag of a fully specified name ({@code "disorder"}), or empty when it has none. */
    public static String tag(String fsn) {
        String t = fsn.strip();
        int open = t.lastIndexOf('(');
        if (!t.endsWith(")") || open < 0) {
            return "";
        }
        return t.substring(open + 1, t.length() - 1).strip();
    }

    /** The name without its semantic tag. */
    public static String strip(String fsn) {
        String t = fsn.strip();
        return tag(t).isEmpty() ? t : t.substring(0, t.lastIndexOf('(')).strip();
    }

    /** The group of a tag; {@code OTHER} for an unknown or empty tag. */
    public static SemanticGroup group(String tag) {
        return TAGS.getOrDefault(tag, SemanticGroup.OTHER);
    }

    /** Whether {@code tag} is a known SNOMED CT semantic tag (lower case, as {@link #tag} returns it). */
    public static boolean isKnown(String tag) {
        return TAGS.containsKey(tag);
    }
}
