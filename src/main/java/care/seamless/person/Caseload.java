package care.seamless.person;

import java.util.List;

/**
 * One page of the people the actor works with, sorted and filtered as asked, and how many
 * match in all.
 */
public record Caseload(List<CaseloadRow> rows, long total, int page, int pageSize, CaseloadQuery query) {

	public Caseload {
		rows = List.copyOf(rows);
	}

	public List<PersonSummary> people() {
		return rows.stream().map(CaseloadRow::person).toList();
	}

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
