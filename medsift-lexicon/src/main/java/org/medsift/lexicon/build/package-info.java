/**
 * Build-time code that compiles the default lexicon from its sources. Runs during the Maven build of this module
 * (exec-maven-plugin, {@code process-classes} phase); not used at run time.
 */
package org.medsift.lexicon.build;
