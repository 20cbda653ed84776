package care.seamless.shared;

import java.util.Arrays;

/**
 * A list of longs that grows without boxing: for hot loops that collect millions of
 * values (an import's candidate pairs, a benchmark's request times), where a
 * {@code List<Long>} would allocate an object for each.
 */
public final class LongList {

	private long[] values = new long[1024];

	private int size;

	public void add(long value) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = value;
	}

	public int size() {
		return size;
	}

	/** The values in the order added, in an array of their own. */
	public long[] toArray() {
		return Arrays.copyOf(values, size);
	}

	/** Copies the values in the order added into {@code target} from {@code at}. */
	public void copyInto(long[] target, int at) {
		System.arraycopy(values, 0, target, at, size);
	}

}
