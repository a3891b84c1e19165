/** Medsift app. */
package org.medsift.app;
