package care.seamless.eligibility;

import java.util.List;

/**
 * What the person's letter needs: the determination and whom to write to. The address is
 * empty for a restricted record or when the viewer may not see it.
 */
public record Letter(Determination determination, String name, String greeting, List<String> address) {
}
