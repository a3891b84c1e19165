package org.medsift.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Offline validation of R4 resources with HAPI's {@code FhirInstanceValidator}, over a support chain of the bundled
 * R4 definitions, Medsift's own StructureDefinitions (see {@link MedsiftFhir}), snapshot generation, in-memory
 * terminology and HAPI's common code systems (UCUM, ISO languages, MIME types, ...). No terminology server is
 * contacted, so codes of external systems such as SNOMED CT, RxNorm and LOINC cannot be checked: the validator
 * reports them as warnings, listed in docs/fhir-mapping.md.
 *
 * <p>Building a validator loads the R4 definitions (about 4 s); use {@link #shared()} and keep it. Thread-safe.
 */
public final class FhirValidation {
    private static volatile FhirValidation shared;

    private final FhirValidator validator;
    private final FhirContext context;

    private FhirValidation(FhirContext context) {
        this.context = context;
        PrePopulatedValidationSupport medsift = new PrePopulatedValidationSupport(context);
        medsift.addStructureDefinition(load(context, StructureDefinition.class,
                MedsiftFhir.SOURCE_TEXT_RANGE_DEFINITION));
        medsift.addCodeSystem(load(context, CodeSystem.class, MedsiftFhir.CONCEPT_CODE_SYSTEM_DEFINITION));
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                medsift,
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        // Medsift's extensions are defined above; any other extension is a mistake worth an error
        module.setAnyExtensionsAllowed(false);
        validator = context.newValidator();
        validator.registerValidatorModule(module);
    }

    /** The process-wide validator, built on first use (about 4 s). */
    public static FhirValidation shared() {
        FhirValidation v = shared;
        if (v == null) {
            synchronized (FhirValidation.class) {
                v = shared;
                if (v == null) {
                    v = new FhirValidation(FhirOutput.context());
                    shared = v;
                }
            }
        }
        return v;
    }

    /** Validates a resource (a Bundle validates each entry too). */
    public Report validate(IBaseResource resource) {
        return toReport(validator.validateWithResult(resource));
    }

    /** Validates a resource given as FHIR JSON. */
    public Report validate(String json) {
        return toReport(validator.validateWithResult(json));
    }

    private static Report toReport(ValidationResult result) {
        List<Issue> issues = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            Level level;
            switch (m.getSeverity()) {
                case FATAL:
                case ERROR:
                    level = Level.ERROR;
                    break;
                case WARNING:
                    level = Level.WARNING;
                    break;
                default:
                    level = Level.INFORMATION;
            }
            issues.add(new Issue(level, m.getLocationString() == null ? "" : m.getLocationString(),
                    m.getMessage() == null ? "" : m.getMessage(), m.getMessageId() == null ? "" : m.getMessageId()));
        }
        return new Report(issues);
    }

    /** The StructureDefinitions Medsift defines (differential only), parsed from the classpath. */
    public static List<StructureDefinition> medsiftDefinitions() {
        return List.of(load(FhirOutput.context(), StructureDefinition.class,
                MedsiftFhir.SOURCE_TEXT_RANGE_DEFINITION));
    }

    private static <T extends IBaseResource> T load(FhirContext context, Class<T> type, String path) {
        try (InputStream in = FhirValidation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return context.newJsonParser().parseResource(type, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public String toString() {
        return "FhirValidation[" + context.getVersion().getVersion() + ", offline]";
    }

    /** Severity of an issue; HAPI's fatal counts as {@link #ERROR}. */
    public enum Level { ERROR, WARNING, INFORMATION }

    /**
     * One validation message.
     *
     * @param level     severity
     * @param location  FHIRPath-like location, e.g. {@code Bundle.entry[2].resource/*Condition/abc*}/.code}
     * @param message   the validator's message
     * @param messageId the validator's stable message id (may be empty)
     */
    public record Issue(Level level, String location, String message, String messageId) {
        @Override
        public String toString() {
            return level + " " + location + ": " + message;
        }
    }

    /** All messages of one validation. */
    public record Report(List<Issue> issues) {
        public Report {
            issues = List.copyOf(issues);
        }

        public List<Issue> errors() {
            return of(Level.ERROR);
        }

        public List<Issue> warnings() {
            return of(Level.WARNING);
        }

        /** {@code true} when there are no errors (warnings and information allowed). */
        public boolean isValid() {
            return errors().isEmpty();
        }

        private List<Issue> of(Level level) {
            List<Issue> out = new ArrayList<>();
            for (Issue i : issues) {
                if (i.level() == level) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
