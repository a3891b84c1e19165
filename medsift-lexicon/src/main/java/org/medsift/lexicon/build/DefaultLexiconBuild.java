package org.medsift.lexicon.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconBuilder.ConceptEntry;
import org.medsift.vocab.TermKind;

/**
 * Compiles the default lexicon. Run by the Maven build of {@code medsift-lexicon}:
 * {@code DefaultLexiconBuild OUT.lex CURATED_DIR SYNTHEA_JAR DATAFAKER_JAR VERSION}.
 *
 * <p>Merge rules, in this order (deterministic: sources are read in sorted order):
 * <ol>
 *   <li>Synthea: one concept per (system, code), id {@code SYSTEM:code}; every display seen is a term.</li>
 *   <li>Curated: a curated concept whose preferred name or plain synonym equals (after normalization) a term of a
 *   coded concept of a compatible group joins that concept (its terms are added, and its curated id is kept as a
 *   {@code MEDSIFT} code); else one whose preferred name or plain synonym equals a term of an earlier curated
 *   concept of a compatible group joins that one (the curated files are written by several hands, and the same
 *   name must not give two concepts); otherwise it becomes a concept {@code medsift:ID} without standard codes.
 *   A short form (ABBR or AMBIG) listed under more than one curated concept is ambiguous under all of them.</li>
 *   <li>Synthea symptom names (uncoded): join a concept with the same term, else become {@code medsift:} concepts.</li>
 *   <li>Datafaker: a name equal to a term of a compatible concept adds nothing but provenance; otherwise it becomes an
 *   uncoded concept {@code medsift:datafaker_GROUP_slug}.</li>
 * </ol>
 * Compatible groups: equal, or both in {DISORDER, FINDING, OBSERVATION}, or both in {DRUG, SUBSTANCE}.
 */
public final class DefaultLexiconBuild {
    public static final String NAME = "medsift-default";

    private DefaultLexiconBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: DefaultLexiconBuild OUT.lex CURATED_DIR SYNTHEA_JAR DATAFAKER_JAR VERSION");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long t0 = System.nanoTime();
        LexiconBuilder b = build(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        b.write(out);
        System.out.printf("[medsift-lexicon] %s: %d concepts, %d terms, %d bytes, %.1f s%n", out.getFileName(),
                b.conceptCount(), b.termCount(), Files.size(out), (System.nanoTime() - t0) / 1e9);
    }

    /** Reads the three sources and merges them into a builder. */
    public static LexiconBuilder build(Path curatedDir, Path syntheaJar, Path datafakerJar, String version)
            throws IOException {
        LexiconBuilder b = new LexiconBuilder(NAME, version);
        b.addSource(SyntheaSource.SOURCE_ID, "Synthea 3.0.0 jar (Maven Central org.mitre.synthea:synthea:3.0.0): "
                + "code/display pairs in modules/**.json, immunization_schedule.json, costs/medications.csv; "
                + "SNOMED CT, RxNorm, LOINC, CVX codes");
        b.addSource(CuratedSource.SOURCE_ID, "Medsift curated clinical lexicon (medsift-lexicon/src/main/lexicon/"
                + "curated), written for the project; uncoded");
        b.addSource(DatafakerSource.SOURCE_ID, "Datafaker 2.4.2 jar (Maven Central net.datafaker:datafaker:2.4.2): "
                + "en/medical.yml, en/disease.yml, en/observation.yml name lists; uncoded");

        loadDenylist(curatedDir.resolveSibling("denylist.tsv"));
        for (SourceConcept c : SyntheaSource.read(syntheaJar)) {
            if (denied(c.preferred, c.group)) {
                continue;
            }
            ConceptEntry e = b.concept(c.id, c.preferred, c.group, c.source);
            for (Code code : c.codes) {
                e.addCode(code);
            }
            addTerms(e, c);
        }
        List<SourceConcept> curated = CuratedSource.read(curatedDir);
        markSharedShortFormsAmbiguous(curated);
        for (SourceConcept c : curated) {
            if (denied(c.preferred, c.group)) {
                continue;
            }
            Optional<ConceptEntry> coded = findCompatible(b, c, true);
            if (coded.isEmpty()) {
                coded = findCompatible(b, c, false);
            }
            ConceptEntry e = coded.orElseGet(() -> b.concept(c.id, c.preferred, c.group, c.source));
            if (coded.isPresent()) {
                e.addCode(new Code(CodeSystems.MEDSIFT, c.id.substring("medsift:".length()), c.preferred));
            }
            addTerms(e, c);
        }
        for (SourceConcept c : SyntheaSource.symptoms(syntheaJar)) {
            if (denied(c.preferred, c.group)) {
                continue;
            }
            // Synthea symptom names: join the concept of the same name when there is one
            Optional<ConceptEntry> twin = findCompatible(b, c, false);
            addTerms(twin.orElseGet(() -> b.concept(c.id, c.preferred, c.group, c.source)), c);
        }
        for (SourceConcept c : DatafakerSource.read(datafakerJar)) {
            if (denied(c.preferred, c.group)) {
                continue;
            }
            Optional<ConceptEntry> any = findCompatible(b, c, false);
            ConceptEntry e = any.orElseGet(() -> b.concept(c.id, c.preferred, c.group, c.source));
            addTerms(e, c);
        }
        return b;
    }

    /** A short form written under two or more concepts needs context to pick its sense. */
    static void markSharedShortFormsAmbiguous(List<SourceConcept> concepts) {
        // owners are counted by preferred name: two curated rows of the same name merge into one concept later
        java.util.Map<String, java.util.Set<String>> owners = new java.util.HashMap<>();
        for (SourceConcept c : concepts) {
            String owner = key(c.preferred);
            for (int i = 0; i < c.terms.size(); i++) {
                TermKind k = c.kinds.get(i);
                // upper-cased: the matcher accepts an all-capitals spelling of any short form ("ACL" for "aCL")
                String form = c.terms.get(i).toUpperCase(java.util.Locale.ROOT);
                if (k == TermKind.ABBREVIATION || k == TermKind.AMBIGUOUS) {
                    owners.computeIfAbsent(form, f -> new java.util.HashSet<>()).add(owner);
                }
            }
        }
        for (SourceConcept c : concepts) {
            for (int i = 0; i < c.terms.size(); i++) {
                if (c.kinds.get(i) == TermKind.ABBREVIATION
                        && owners.get(c.terms.get(i).toUpperCase(java.util.Locale.ROOT)).size() > 1) {
                    c.kinds.set(i, TermKind.AMBIGUOUS);
                }
            }
        }
    }

    private static void addTerms(ConceptEntry e, SourceConcept c) {
        for (int i = 0; i < c.terms.size(); i++) {
            if (!denied(c.terms.get(i), e.group())) {
                e.addTerm(c.terms.get(i), c.kinds.get(i), c.source);
            }
        }
    }

    /** Normalized term to the groups it is denied in (null element: every group). */
    private static final java.util.Map<String, java.util.Set<SemanticGroup>> DENIED = new java.util.HashMap<>();
    private static final java.util.Set<SemanticGroup> ALL_GROUPS =
            java.util.EnumSet.allOf(SemanticGroup.class);

    static void loadDenylist(Path file) throws IOException {
        DENIED.clear();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1)
                        + ": expected term<TAB>group<TAB>why, found " + cols.length + " columns");
            }
            java.util.Set<SemanticGroup> groups = cols[1].trim().equals("*") ? ALL_GROUPS
                    : java.util.EnumSet.of(SemanticGroup.valueOf(cols[1].trim()));
            DENIED.computeIfAbsent(key(cols[0]), k -> java.util.EnumSet.noneOf(SemanticGroup.class)).addAll(groups);
        }
    }

    private static String key(String term) {
        return String.join(" ", org.medsift.vocab.TermNormalizer.standard().words(term));
    }

    static boolean denied(String term, SemanticGroup group) {
        java.util.Set<SemanticGroup> groups = DENIED.get(key(term));
        return groups != null && groups.contains(group);
    }

    private static Optional<ConceptEntry> findCompatible(LexiconBuilder b, SourceConcept c, boolean codedOnly) {
        for (int i = 0; i < c.terms.size(); i++) {
            if (c.kinds.get(i) != TermKind.NAME) {
                continue;
            }
            List<ConceptEntry> hits = b.findByTerm(c.terms.get(i));
            for (ConceptEntry hit : hits) {
                if ((!codedOnly || !hit.id().startsWith("medsift:")) && compatible(hit.group(), c.group)) {
                    return Optional.of(hit);
                }
            }
        }
        return Optional.empty();
    }

    static boolean compatible(SemanticGroup a, SemanticGroup b) {
        return a == b
                || (isClinicalState(a) && isClinicalState(b))
                || (isDrugOrSubstance(a) && isDrugOrSubstance(b));
    }

    private static boolean isClinicalState(SemanticGroup g) {
        return g == SemanticGroup.DISORDER || g == SemanticGroup.FINDING || g == SemanticGroup.OBSERVATION;
    }

    private static boolean isDrugOrSubstance(SemanticGroup g) {
        return g == SemanticGroup.DRUG || g == SemanticGroup.SUBSTANCE;
    }
}
