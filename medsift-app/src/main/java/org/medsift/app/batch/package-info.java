/**
 * Batch extraction over files: reading inputs with bad-input checks (binary, invalid UTF-8, empty, oversized),
 * running the pipeline on all cores, writing outputs per document and format, and summarizing. Used by the CLI;
 * usable from any Java program.
 */
package org.medsift.app.batch;
