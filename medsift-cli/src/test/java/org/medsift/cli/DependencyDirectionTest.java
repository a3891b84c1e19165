package org.medsift.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module dependency direction of DESIGN.md section 2: everything points inward to core. */
class DependencyDirectionTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medsift");
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.medsift.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.medsift.core..", "java..")
                .check(classes);
    }

    @Test
    void vocabDependsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.medsift.vocab..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medsift.nlp..", "org.medsift.app..",
                        "org.medsift.fhir..", "org.medsift.cli..", "org.medsift.lexicon..")
                .check(classes);
    }

    @Test
    void nlpKnowsNoOutputsOrFrontEnds() {
        noClasses().that().resideInAPackage("org.medsift.nlp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medsift.app..", "org.medsift.fhir..",
                        "org.medsift.cli..", "org.medsift.lexicon..")
                .check(classes);
    }

    @Test
    void fhirMappingKnowsNoNlp() {
        noClasses().that().resideInAPackage("org.medsift.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medsift.nlp..", "org.medsift.vocab..",
                        "org.medsift.lexicon..", "org.medsift.app..", "org.medsift.cli..")
                .check(classes);
    }

    @Test
    void readersKnowNoNlpOrFrontEnds() {
        noClasses().that().resideInAPackage("org.medsift.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medsift.nlp..", "org.medsift.vocab..",
                        "org.medsift.lexicon..", "org.medsift.app..", "org.medsift.cli..", "org.medsift.fhir..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.medsift.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.medsift.cli..")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.medsift.(*)..").should().beFreeOfCycles().check(classes);
    }
}
