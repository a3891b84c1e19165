package org.medsift.io.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.medsift.core.record.ReadResult;

/**
 * What the FHIR reader got: the common result (patients, texts, problems; entries stay empty because the resources
 * are kept as they are) and the resources themselves, in file order, Bundles flattened.
 *
 * @param result    patients, texts and problems
 * @param resources every resource read, as parsed
 */
public record FhirReadResult(ReadResult result, List<Resource> resources) {
    public FhirReadResult {
        resources = List.copyOf(resources);
    }
}
