/**
 * Scoring of Medsift output against hand-annotated brat files: {@link org.medsift.app.eval.MedicationScorer}
 * (medications, labs and vital signs, per attribute; see docs/evaluation.md).
 */
package org.medsift.app.eval;
