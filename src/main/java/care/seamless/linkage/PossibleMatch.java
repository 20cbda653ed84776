package care.seamless.linkage;

/**
 * One existing person who may be the incoming one, with the explained score.
 */
public record PossibleMatch(Demographics person, ScoredPair score) {

}
