/** Medsift nlp. */
package org.medsift.nlp;
