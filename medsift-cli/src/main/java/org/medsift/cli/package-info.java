/** Medsift cli. */
package org.medsift.cli;
