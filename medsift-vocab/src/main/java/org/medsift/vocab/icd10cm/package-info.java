/** Importer of ICD-10-CM order files and tabular XML; see {@link org.medsift.vocab.icd10cm.Icd10cmImporter}. */
package org.medsift.vocab.icd10cm;
