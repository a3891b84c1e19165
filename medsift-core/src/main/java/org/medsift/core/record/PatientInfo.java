package org.medsift.core.record;

/**
 * The patient of a record, as the source describes it. Holds patient data: never log it.
 *
 * @param key              the key that groups records of one patient within a read (identifier, resource id)
 * @param identifierSystem the identifier's system or assigning authority, possibly empty
 * @param identifier       the identifier value, possibly empty
 * @param family           family name, possibly empty
 * @param given            given names, space separated, possibly empty
 * @param birthDate        birth date as {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}, or empty
 * @param gender           {@code male}, {@code female}, {@code other}, {@code unknown} or empty
 * @param source           where it was read
 */
public record PatientInfo(String key, String identifierSystem, String identifier, String family, String given,
        String birthDate, String gender, SourceRef source) {
    public PatientInfo {
        if (key == null || key.isEmpty() || source == null) {
            throw new IllegalArgumentException("a patient needs a key and a source");
        }
        identifierSystem = nz(identifierSystem);
        identifier = nz(identifier);
        family = nz(family);
        given = nz(given);
        birthDate = nz(birthDate);
        gender = nz(gender);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
