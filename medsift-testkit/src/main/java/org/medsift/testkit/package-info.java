/** Test support: annotator conformance checks and fixture helpers. */
package org.medsift.testkit;
