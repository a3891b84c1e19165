/** Medsift bench. */
package org.medsift.bench;
