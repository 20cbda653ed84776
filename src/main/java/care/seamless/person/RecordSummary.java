package care.seamless.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The record's summary of the person's latest assessment, eligibility determination and
 * plan, each as far as the viewer may see it: {@link Item#withheld()} says an item exists
 * but is not shown; a null item means there is none.
 */
public record RecordSummary(@Nullable Item assessment, @Nullable Item eligibility, @Nullable Item plan) {

	/**
	 * One line of the summary: its fields (codes and ISO dates, for the page to word), or
	 * withheld.
	 */
	public record Item(boolean withheld, @Nullable UUID id, List<String> fields, @Nullable LocalDate date) {

		static Item withheldItem() {
			return new Item(true, null, List.of(), null);
		}

	}

}
