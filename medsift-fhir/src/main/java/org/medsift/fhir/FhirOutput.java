package org.medsift.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.Writer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Serializes R4 resources as FHIR JSON, pretty or compact, and as NDJSON (one compact resource per line, the FHIR
 * Bulk Data format). Stateless and thread-safe: a parser is created per call (HAPI parsers are not thread-safe).
 */
public final class FhirOutput {
    private FhirOutput() {
    }

    /** The shared R4 context (built once per JVM by HAPI, thread-safe). */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The resource as FHIR JSON. */
    public static String toJson(IBaseResource resource, boolean pretty) {
        return parser(pretty).encodeResourceToString(resource);
    }

    /** Writes the resource as FHIR JSON, with no trailing newline. */
    public static void writeJson(IBaseResource resource, Writer out, boolean pretty) throws IOException {
        parser(pretty).encodeResourceToWriter(resource, out);
    }

    /** Appends the resource (for example a whole Bundle) as one compact JSON line ending in {@code \n}. */
    public static void writeNdjsonLine(IBaseResource resource, Appendable out) throws IOException {
        // compact JSON escapes every line break inside strings, so the line has none
        out.append(parser(false).encodeResourceToString(resource)).append('\n');
    }

    /** Appends each entry's resource of the bundle as one NDJSON line, in entry order. */
    public static void writeEntriesNdjson(Bundle bundle, Appendable out) throws IOException {
        IParser parser = parser(false);
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.hasResource()) {
                out.append(parser.encodeResourceToString(e.getResource())).append('\n');
            }
        }
    }

    /** Parses FHIR JSON (of any resource type). */
    public static IBaseResource parseJson(String json) {
        return context().newJsonParser().parseResource(json);
    }

    private static IParser parser(boolean pretty) {
        return context().newJsonParser().setPrettyPrint(pretty);
    }
}
