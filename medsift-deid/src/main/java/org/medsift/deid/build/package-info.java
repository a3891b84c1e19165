/** Build-time generator of the de-identification word lexicon; not part of the run-time API. */
package org.medsift.deid.build;
