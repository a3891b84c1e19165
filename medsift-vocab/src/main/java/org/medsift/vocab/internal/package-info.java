/** Helpers shared inside Medsift's vocabulary code; not API, may change without notice. */
package org.medsift.vocab.internal;
