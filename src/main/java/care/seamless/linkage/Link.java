package care.seamless.linkage;

/**
 * A candidate pair that reached at least the review threshold, kept small so that a
 * million of them fit in memory; {@link Linkage#explain} turns it into a full
 * {@link ScoredPair}.
 *
 * @param left index of the left record (the lower index when deduplicating)
 * @param right index of the right record
 */
public record Link(int left, int right, double weight, Decision decision) {

}
