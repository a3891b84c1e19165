/** Medsift fhir. */
package org.medsift.fhir;
