/** Importer of the LOINC table ({@code Loinc.csv}); see {@link org.medsift.vocab.loinc.LoincImporter}. */
package org.medsift.vocab.loinc;
