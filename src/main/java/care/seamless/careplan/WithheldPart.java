package care.seamless.careplan;

import care.seamless.consent.WithheldReason;

/**
 * A notice in place of parts of the plan the viewer may not see: why, and which
 * organisation recorded them (never how many).
 */
public record WithheldPart(WithheldReason reason, String organisationName) {
}
