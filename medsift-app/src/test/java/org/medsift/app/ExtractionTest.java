package org.medsift.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.fhir.FhirMapper;
import org.medsift.fhir.FhirValidation;
import org.medsift.testkit.AnnotatorConformance;

/** The default engine end to end: embedded lexicon, all stages, FHIR output valid. */
class ExtractionTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "notes");
    private static Extraction extraction;

    @BeforeAll
    static void build() {
        extraction = Extraction.builder().build();
    }

    private static Optional<ConceptMention> find(Document doc, String covered) {
        String text = doc.text().content();
        return doc.require(Layers.CONCEPTS).stream()
                .filter(m -> text.substring(m.start(), m.end()).equalsIgnoreCase(covered)).findFirst();
    }

    @Test
    void findsCodedConceptsWithAssertionsInANote() {
        Document doc = extraction.extract(Text.of("n1", "HISTORY OF PRESENT ILLNESS:\n"
                + "The patient denies chest pain but reports shortness of breath.\n"
                + "PAST MEDICAL HISTORY:\nHypertension. Type 2 diabetes mellitus.\n"
                + "FAMILY HISTORY:\nMother had breast cancer.\n"));
        ConceptMention chestPain = find(doc, "chest pain").orElseThrow();
        assertTrue(chestPain.assertion().negated());
        ConceptMention sob = find(doc, "shortness of breath").orElseThrow();
        assertEquals(false, sob.assertion().negated(), "'but' ends the negation scope");
        ConceptMention htn = find(doc, "Hypertension").orElseThrow();
        assertEquals(SemanticGroup.DISORDER, htn.group());
        assertEquals(Assertion.Temporality.HISTORICAL, htn.assertion().temporality());
        assertTrue(htn.codes().stream().anyMatch(c -> c.system().equals("http://snomed.info/sct")),
                () -> "Synthea confirms a SNOMED CT code for hypertension: " + htn.codes());
        ConceptMention cancer = find(doc, "breast cancer").orElseThrow();
        assertEquals(Assertion.Experiencer.FAMILY, cancer.assertion().experiencer());
    }

    @Test
    void everyExampleNoteGivesAValidFhirBundle() throws IOException {
        FhirMapper mapper = FhirMapper.create();
        List<String> failures = new ArrayList<>();
        int notes = 0;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                notes++;
                Document doc = extraction.extract(Text.of(f.getFileName().toString(), Files.readString(f)));
                assertTrue(doc.require(Layers.CONCEPTS).size() > 10, f + ": too few findings");
                FhirValidation.Report report = FhirValidation.shared().validate(mapper.toBundle(doc));
                report.errors().forEach(e -> failures.add(f.getFileName() + ": " + e));
            }
        }
        assertTrue(notes >= 12, "the examples folder holds a dozen notes");
        assertEquals(List.of(), failures);
    }

    @Test
    void defaultPipelinePassesTheConformanceKit() {
        AnnotatorConformance.check(extraction.pipeline());
    }

    @Test
    void provenanceNamesLexiconAndStages() {
        var p = extraction.provenance(java.time.Instant.EPOCH);
        assertEquals("medsift-default", p.lexicon());
        assertEquals(List.of("tokenizer", "sentences", "sections", "lexicon", "ner", "abbreviations", "context",
                "medications", "measurements", "temporal"),
                p.stages());
        assertEquals(List.of("bc5cdr"), extraction.nerModels(), "the LCT model is shipped but off by default");
        Extraction trials = Extraction.builder()
                .nerCombination(org.medsift.ml.pipeline.NerCombination.defaults()
                        .withTypes(java.util.Set.of("Chemical", "Procedure")))
                .build();
        assertEquals(List.of("bc5cdr", "lct"), trials.nerModels(), "asking for an LCT type runs the LCT model");
    }

    @Test
    void entityModelsAndAbbreviationsCanBeSwitchedOff() {
        Extraction lexiconOnly = Extraction.builder().withoutNerModels().without("abbreviations").build();
        assertEquals(List.of("tokenizer", "sentences", "sections", "lexicon", "context", "medications",
                "measurements", "temporal"), lexiconOnly.pipeline().stageNames());
        assertEquals(List.of(), lexiconOnly.nerModels());
        Extraction noNer = Extraction.builder().without("ner").build();
        assertEquals(List.of("tokenizer", "sentences", "sections", "lexicon", "abbreviations", "context",
                "medications", "measurements", "temporal"), noNer.pipeline().stageNames());
        assertEquals(List.of(), noNer.nerModels());
    }

    @Test
    void switchesAStageOffByName() {
        Extraction noContext = Extraction.builder().without("context").build();
        Document doc = noContext.extract(Text.of("n", "No fever."));
        assertEquals(Assertion.DEFAULT, find(doc, "fever").orElseThrow().assertion());
    }
}
