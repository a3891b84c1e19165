package org.medsift.ml.pipeline;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.SemanticGroup;

/**
 * How model entity types meet lexicon mentions in the pipeline: per entity type, the semantic group a model-only
 * span gets, the lexicon groups it is compared with, and the policy when a model span and such a lexicon mention
 * overlap without having the same span. Which types run at all is {@link #enabled}. Immutable.
 *
 * <p>Built-in types: {@code Chemical} and {@code Drug} as {@link SemanticGroup#DRUG} (compared with DRUG and
 * SUBSTANCE mentions), {@code Disease} and {@code Condition} as DISORDER (with DISORDER and FINDING),
 * {@code Procedure} as PROCEDURE (with PROCEDURE), {@code Observation} as OBSERVATION (with LAB, OBSERVATION and
 * FINDING). Any other type is OTHER and compared with nothing. The default policy is
 * {@link Policy#LEXICON_WINS} for every type: on notes the curated lexicon's multi-word names ({@code insulin
 * glargine}) are better bounded than a model trained on abstracts, and on BC5CDR development the two policies are
 * within one point of precision (docs/evaluation.md, "Default pipeline with the default model"). Weak one-word
 * model-only spans are filtered by {@link #minMargin}.
 */
public final class NerCombination {
    /** What happens when a model span and a lexicon mention of a compared group overlap with different spans. */
    public enum Policy {
        /** The model's span is kept, the overlapping lexicon mentions are dropped (the model knows the boundaries). */
        MODEL_WINS,
        /** The lexicon mentions are kept and the model span is dropped. */
        LEXICON_WINS,
        /** Both are kept. */
        UNION;

        /**
         * Parses {@code model-wins}, {@code lexicon-wins} or {@code union} (any case, {@code _} or {@code -}).
         *
         * @throws IllegalArgumentException naming the value and the values allowed
         */
        public static Policy parse(String s) {
            String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Policy p : values()) {
                if (p.name().equals(n)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown policy '" + s + "'; expected model-wins, lexicon-wins or union");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One entity type's settings.
     *
     * @param group    the semantic group of a model span the lexicon cannot name
     * @param compared the lexicon mention groups that agree or conflict with a span of this type
     * @param policy   the overlap policy
     */
    public record TypeRule(SemanticGroup group, Set<SemanticGroup> compared, Policy policy) {
        public TypeRule {
            compared = compared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(compared));
        }
    }

    private static final Map<String, TypeRule> BUILT_IN = builtIn();

    /**
     * The default {@link #minMargin}: chosen on NCBI-disease train and LCT batches 1-10 with held-out models
     * (docs/ml.md, "Model-only spans: the margin filter").
     */
    public static final double DEFAULT_MIN_MARGIN = 120;

    private final Map<String, TypeRule> rules;
    private final Set<String> enabled;
    private final double minMargin;

    private NerCombination(Map<String, TypeRule> rules, Set<String> enabled, double minMargin) {
        this.rules = Map.copyOf(rules);
        this.enabled = enabled == null ? null : Set.copyOf(enabled);
        this.minMargin = minMargin;
    }

    private static Map<String, TypeRule> builtIn() {
        Map<String, TypeRule> m = new LinkedHashMap<>();
        TypeRule drug = new TypeRule(SemanticGroup.DRUG, EnumSet.of(SemanticGroup.DRUG, SemanticGroup.SUBSTANCE),
                Policy.LEXICON_WINS);
        TypeRule disorder = new TypeRule(SemanticGroup.DISORDER,
                EnumSet.of(SemanticGroup.DISORDER, SemanticGroup.FINDING), Policy.LEXICON_WINS);
        m.put("Chemical", drug);
        m.put("Drug", drug);
        m.put("Disease", disorder);
        m.put("Condition", disorder);
        m.put("Procedure", new TypeRule(SemanticGroup.PROCEDURE, EnumSet.of(SemanticGroup.PROCEDURE),
                Policy.LEXICON_WINS));
        m.put("Observation", new TypeRule(SemanticGroup.OBSERVATION,
                EnumSet.of(SemanticGroup.LAB, SemanticGroup.OBSERVATION, SemanticGroup.FINDING), Policy.LEXICON_WINS));
        return m;
    }

    /** Built-in rules, every type of the models enabled. */
    public static NerCombination defaults() {
        return new NerCombination(BUILT_IN, null, DEFAULT_MIN_MARGIN);
    }

    /** The rule of {@code type}: configured, built in, or OTHER compared with nothing under the default policy. */
    public TypeRule rule(String type) {
        TypeRule r = rules.get(type);
        return r != null ? r : new TypeRule(SemanticGroup.OTHER, Set.of(), Policy.LEXICON_WINS);
    }

    /** Whether spans of {@code type} are used (all types unless {@link #withTypes} narrowed them). */
    public boolean enabled(String type) {
        return enabled == null || enabled.contains(type);
    }

    /** The enabled types, or empty when every type is. */
    public Set<String> enabledTypes() {
        return enabled == null ? Set.of() : enabled;
    }

    /** These settings using only model spans of {@code types}. */
    public NerCombination withTypes(Set<String> types) {
        return new NerCombination(rules, new LinkedHashSet<>(types), minMargin);
    }

    /** These settings with {@code policy} for {@code type}. */
    public NerCombination withPolicy(String type, Policy policy) {
        Map<String, TypeRule> m = new LinkedHashMap<>(rules);
        TypeRule r = rule(type);
        m.put(type, new TypeRule(r.group(), r.compared(), policy));
        return new NerCombination(m, enabled, minMargin);
    }

    /**
     * The smallest {@linkplain org.medsift.ml.ner.ScoredSpan#margin margin} a model span of {@code type} needs to be
     * added when the lexicon did not also find it, it is one bare word and the lexicon cannot name it (the filter of
     * {@link EntityModelAnnotator}). The same for every type.
     */
    public double minMargin(String type) {
        return minMargin;
    }

    /**
     * These settings with {@code margin} as the {@link #minMargin}; 0 keeps every model span.
     *
     * @throws IllegalArgumentException when {@code margin} is negative or not a number
     */
    public NerCombination withMinMargin(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("minimum margin must be a number >= 0, found " + margin);
        }
        return new NerCombination(rules, enabled, margin);
    }

    /** These settings with {@code policy} for every built-in or configured type. */
    public NerCombination withPolicy(Policy policy) {
        NerCombination c = this;
        for (String t : rules.keySet()) {
            c = c.withPolicy(t, policy);
        }
        return c;
    }

    /**
     * Applies {@code Type=policy[,Type=policy...]}; a bare {@code policy} sets every type.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code Type=policy} or the unknown policy
     */
    public NerCombination withPolicies(String spec) {
        NerCombination c = this;
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", -1);
            if (kv.length == 1) {
                c = c.withPolicy(Policy.parse(kv[0]));
            } else if (kv.length == 2 && !kv[0].isBlank()) {
                c = c.withPolicy(kv[0].trim(), Policy.parse(kv[1]));
            } else {
                throw new IllegalArgumentException("policy entry '" + entry + "' is not Type=policy");
            }
        }
        return c;
    }

    /** Parses {@code Type[,Type...]} into a set, blank entries skipped. */
    public static Set<String> parseTypes(String spec) {
        Set<String> s = new LinkedHashSet<>();
        for (String t : spec.split(",")) {
            if (!t.isBlank()) {
                s.add(t.trim());
            }
        }
        return s;
    }

    /** The settings as text, for provenance: {@code Type=GROUP/policy} per configured type. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, TypeRule> e : rules.entrySet()) {
            if (enabled != null && !enabled.contains(e.getKey())) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(e.getValue().group()).append('/').append(e.getValue().policy());
        }
        return sb.toString();
    }
}
