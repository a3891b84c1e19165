package org.medsift.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyRelationTest {
    @ParameterizedTest
    @CsvSource({
        "mother, MTH", "Mother's, MTH", "his mom, MTH", "father, FTH", "dad, FTH", "sisters, SIS",
        "brother, BRO", "son, SONC", "daughter, DAUC", "maternal grandmother, MGRMTH",
        "paternal grandfather, PGRFTH", "grandmother, GRMTH", "maternal aunt, MAUNT", "uncle, UNCLE",
        "half brother, HBRO", "cousin, COUSN", "parents, PRN", "siblings, SIB"})
    void namesTheRelativeOfATrigger(String trigger, String code) {
        assertEquals(code, FamilyRelation.ofTrigger(trigger).code);
    }

    @ParameterizedTest
    @CsvSource({"family history of", "FAMILY_HISTORY", "fhx"})
    void namesNoRelativeForGenericTriggers(String trigger) {
        assertNull(FamilyRelation.ofTrigger(trigger));
    }
}
