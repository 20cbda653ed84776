package care.seamless.person;

import java.util.List;

/**
 * One page of the information the viewer may see, its total, and notices for what is
 * withheld.
 */
public record EntryPage(List<Entry> entries, long total, int page, int pageSize, List<WithheldNotice> withheld) {

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
