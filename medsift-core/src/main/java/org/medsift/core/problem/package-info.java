/**
 * Bad input as data. A {@link org.medsift.core.problem.Problem} has a stable code, a location, a message that says
 * what was found and what was expected, and the raw value. Problems are collected by a
 * {@link org.medsift.core.problem.ProblemSink} (lenient: collect up to a cap and count the rest; strict: throw
 * {@link org.medsift.core.problem.InputFormatException}) and attached to results; they are never dropped.
 *
 * <p>PHI rule: a {@code Problem} may quote the raw value because it stays with the data; exception messages and
 * log lines carry only the code, the location and the length of the value.
 */
package org.medsift.core.problem;
