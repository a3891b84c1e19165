/** Importer of OBO 1.4 ontologies (HPO, MONDO, Disease Ontology); see {@link org.medsift.vocab.obo.OboImporter}. */
package org.medsift.vocab.obo;
