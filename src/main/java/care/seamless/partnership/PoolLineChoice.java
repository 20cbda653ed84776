package care.seamless.partnership;

import java.util.UUID;

/** A budget line of a pooled fund that a commitment may be recorded against. */
public record PoolLineChoice(UUID lineId, String partnershipName, String lineName, int financialYear) {
}
