package care.seamless.eligibility;

import org.jspecify.annotations.Nullable;

/**
 * An outcome the practitioner ticked as not achieved, with the sense in which the person
 * is unable to achieve it. An outcome ticked without a sense does not count.
 */
public record Unable(String outcome, @Nullable UnableSense sense) {
}
