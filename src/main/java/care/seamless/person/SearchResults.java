package care.seamless.person;

import java.util.List;

public record SearchResults(List<PersonSummary> people, long total, int page, int pageSize) {

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
