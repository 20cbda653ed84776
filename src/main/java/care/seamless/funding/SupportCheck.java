package care.seamless.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whether the costed support in the plan meets every eligible need: each outcome the
 * person was found unable to achieve needs at least one open action or service in the
 * plan that addresses it and has a cost. The gaps are named, in the person's words.
 */
public final class SupportCheck {

	private SupportCheck() {
	}

	/** An eligible outcome: its code and its words. */
	public record EligibleNeed(String code, String words) {
	}

	/** A plan item as costed: the outcomes it addresses and its weekly cost, if any. */
	public record Item(Set<String> outcomes, boolean open, @Nullable BigDecimal weeklyCost) {
	}

	public static List<String> gaps(List<EligibleNeed> needs, List<Item> items) {
		return needs.stream()
			.filter(need -> items.stream()
				.noneMatch(item -> item.open() && item.weeklyCost() != null && item.weeklyCost().signum() > 0
						&& item.outcomes().contains(need.code())))
			.map(EligibleNeed::words)
			.toList();
	}

}
