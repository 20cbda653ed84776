/**
 * The {@code seamless link} commands: deduplicate, join, evaluate against ground truth, and benchmark at scale.
 */
@NullMarked
package care.seamless.linkage.cli;

import org.jspecify.annotations.NullMarked;
