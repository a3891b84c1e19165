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
 *   {@code MEDSIFT} code); otherwise it becomes a concept {@code medsift:ID} without standard codes.</li>
 *   <li>Datafaker: a name equal to a term of a compatible concept adds nothing but provenance; otherwise it becomes an
 *   uncoded concept {@code medsift:datafaker_GROUP_slug}.</li>
 * </ol>
 * Compatible groups: equal, or both in {DISORDER, FINDING}, or both in {DRUG, SUBSTANCE}.
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
                + "code/display pairs in modules/**.json, immunization_schedule.json, costs/medications.csv, "
                + "costs/procedures.csv; SNOMED CT, RxNorm, LOINC, CVX codes");
        b.addSource(CuratedSource.SOURCE_ID, "Medsift curated clinical lexicon (medsift-lexicon/src/main/lexicon/"
                + "curated), written for the project; uncoded");
        b.addSource(DatafakerSource.SOURCE_ID, "Datafaker 2.4.2 jar (Maven Central net.datafaker:datafaker:2.4.2): "
                + "en/medical.yml, en/disease.yml, en/observation.yml name lists; uncoded");

        for (SourceConcept c : SyntheaSource.read(syntheaJar)) {
            ConceptEntry e = b.concept(c.id, c.preferred, c.group, c.source);
            for (Code code : c.codes) {
                e.addCode(code);
            }
            addTerms(e, c);
        }
        for (SourceConcept c : CuratedSource.read(curatedDir)) {
            Optional<ConceptEntry> coded = findCompatible(b, c, true);
            ConceptEntry e = coded.orElseGet(() -> b.concept(c.id, c.preferred, c.group, c.source));
            if (coded.isPresent()) {
                e.addCode(new Code(CodeSystems.MEDSIFT, c.id.substring("medsift:".length()), c.preferred));
            }
            addTerms(e, c);
        }
        for (SourceConcept c : DatafakerSource.read(datafakerJar)) {
            Optional<ConceptEntry> any = findCompatible(b, c, false);
            ConceptEntry e = any.orElseGet(() -> b.concept(c.id, c.preferred, c.group, c.source));
            addTerms(e, c);
        }
        return b;
    }

    private static void addTerms(ConceptEntry e, SourceConcept c) {
        for (int i = 0; i < c.terms.size(); i++) {
            e.addTerm(c.terms.get(i), c.kinds.get(i), c.source);
        }
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
                || (isDisorderOrFinding(a) && isDisorderOrFinding(b))
                || (isDrugOrSubstance(a) && isDrugOrSubstance(b));
    }

    private static boolean isDisorderOrFinding(SemanticGroup g) {
        return g == SemanticGroup.DISORDER || g == SemanticGroup.FINDING;
    }

    private static boolean isDrugOrSubstance(SemanticGroup g) {
        return g == SemanticGroup.DRUG || g == SemanticGroup.SUBSTANCE;
    }
}
