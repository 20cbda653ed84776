package care.seamless.person;

import java.util.List;

/**
 * One page of records the viewer may open, and how many such records match in all: the
 * total is counted under the same access rule as the page, so it never counts a record
 * the viewer may not open.
 */
public record RecordListing(List<ListedRecord> records, int total) {
}
