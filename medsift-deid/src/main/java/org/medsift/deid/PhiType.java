package org.medsift.deid;

/**
 * Top-level PHI categories written on output (i2b2 2014 top level, which covers the 18 HIPAA Safe Harbor
 * identifiers). Each {@link PhiSpan} also carries a finer sub-type (see {@link PhiSpan#subtype()}).
 */
public enum PhiType {
    /** Patient, relative and provider names (sub-types: PERSON, INITIALS). */
    NAME,
    /** Every element of a date except the year alone (sub-types: DATE, DATE_TIME). */
    DATE,
    /** Ages of 90 and over (ages under 90 are not PHI under Safe Harbor and are left alone). */
    AGE,
    /** Street, city, county, ZIP, institution, ward / room (sub-types: STREET, CITY, ZIP, INSTITUTION, ROOM). */
    LOCATION,
    /** Telephone, fax, e-mail, URL, IP address (sub-types: PHONE, EMAIL, URL, IP). */
    CONTACT,
    /** SSN, MRN, account, health plan, licence, device, serial, card numbers (sub-types: SSN, CARD, IBAN, ID). */
    ID,
    /** Occupations (not a Safe Harbor category; i2b2 marks it). Not detected by default. */
    PROFESSION,
    /** Configured 'other unique identifier' patterns. */
    OTHER
}
