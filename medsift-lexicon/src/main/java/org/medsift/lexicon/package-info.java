/** Medsift lexicon. */
package org.medsift.lexicon;
