package org.medsift.vocab.load;

import java.util.List;
import java.util.Optional;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconBuilder.ConceptEntry;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.TermNormalizer;

/**
 * The merge rule every importer uses: a concept joins the first existing concept that already has one of its
 * codes (checked in the order given: its own code first, then the codes it maps to, such as a UMLS CUI in an OBO
 * xref or a SNOMED CT code in a UMLS row); otherwise it is created with its own id. A joined concept keeps the
 * existing concept's id, preferred name and group, and receives the new codes and terms, so provenance stays on
 * each term. Importers run in a fixed order (UMLS, SNOMED CT, RxNorm, ICD-10-CM, LOINC, OBO, FHIR, TSV), so the
 * result does not depend on the order of command-line options.
 */
public final class Merge {
    private Merge() {
    }

    /**
     * The concept for an entry: an existing concept with one of {@code matchOn}, or the concept {@code id}
     * (created when new). The {@code matchOn} codes are added to the result; the preferred name is added as a
     * term of the result.
     *
     * @param matchOn the codes to merge on, the entry's own first; may be empty
     */
    public static ConceptEntry conceptFor(LexiconBuilder builder, String id, String preferredName,
            SemanticGroup group, String sourceId, List<Code> matchOn, ImportReport report) {
        ConceptEntry found = null;
        for (Code c : matchOn) {
            Optional<ConceptEntry> e = builder.findByCode(c.system(), c.code());
            if (e.isPresent()) {
                found = e.get();
                break;
            }
        }
        int before = builder.conceptCount();
        ConceptEntry e = found != null ? found : builder.concept(id, preferredName, group, sourceId);
        if (found == null && builder.conceptCount() > before) {
            report.created(group);
            report.term();
        } else {
            report.joined();
            e.addTerm(preferredName, TermKind.NAME, sourceId);
            report.term();
        }
        for (Code c : matchOn) {
            e.addCode(c);
        }
        return e;
    }

    /**
     * Adds a term when it has words after normalization; otherwise counts it as dropped ("no words after
     * normalization"). Returns whether it was added.
     */
    public static boolean addTerm(ConceptEntry concept, String term, TermKind kind, String sourceId,
            ImportReport report) {
        if (term == null || term.isBlank() || !hasWords(term)) {
            report.drop("no words after normalization");
            return false;
        }
        concept.addTerm(term, kind, sourceId);
        report.term();
        return true;
    }

    /** Whether a term has at least one word after {@link TermNormalizer} normalization. */
    public static boolean hasWords(String term) {
        return !TermNormalizer.standard().words(term).isEmpty();
    }
}
