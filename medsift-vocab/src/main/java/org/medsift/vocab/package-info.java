/** Medsift vocab. */
package org.medsift.vocab;
