/**
 * The {@code seamless link} commands: deduplicate, join, evaluate against ground truth,
 * and benchmark at scale. Named as an interface so the launcher in the root package may
 * register them.
 */
@org.springframework.modulith.NamedInterface("cli")
@org.jspecify.annotations.NullMarked
package care.seamless.linkage.cli;
