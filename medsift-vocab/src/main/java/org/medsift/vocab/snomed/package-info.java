/** Importer of SNOMED CT RF2 snapshots; see {@link org.medsift.vocab.snomed.SnomedImporter}. */
package org.medsift.vocab.snomed;
