package care.seamless.person;

import java.util.List;

/** One page of the people the actor works with, and how many there are in all. */
public record Caseload(List<PersonSummary> people, long total, int page, int pageSize) {

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
