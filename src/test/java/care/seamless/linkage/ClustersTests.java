package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClustersTests {

	private final Linkage linkage = Linkage
		.dedupe(List.of(person("a").build(), person("b").build(), person("c").build(), person("d").build()));

	@Test
	void takesMatchesTransitivelyButNotPossibleMatches() {
		Clusters clusters = Clusters.of(linkage, List.of(new Link(0, 1, 20, Decision.MATCH),
				new Link(1, 2, 20, Decision.MATCH), new Link(2, 3, 2, Decision.POSSIBLE_MATCH)));

		assertThat(clusters.clusterOf(2)).isEqualTo(clusters.clusterOf(0));
		assertThat(clusters.clusterOf(3)).isNotEqualTo(clusters.clusterOf(0));
	}

	@Test
	void countsEveryPairInAClusterAsDecided() {
		Clusters clusters = Clusters.of(linkage,
				List.of(new Link(0, 1, 20, Decision.MATCH), new Link(1, 2, 20, Decision.MATCH)));

		// a, b and c are one cluster: three pairs decided, of which a-b is the only true
		// pair; c-d is a true pair missed.
		Evaluation evaluation = clusters.evaluate(linkage, List.of("1", "1", "2", "2"));

		assertThat(evaluation.decidedMatches()).isEqualTo(3);
		assertThat(evaluation.truePositives()).isEqualTo(1);
		assertThat(evaluation.truePairs()).isEqualTo(2);
	}

	@Test
	void countsOnlyLeftToRightPairsInAJoin() {
		Linkage join = Linkage.join(List.of(person("a").build(), person("b").build()), List.of(person("c").build()));
		Clusters clusters = Clusters.of(join,
				List.of(new Link(0, 2, 20, Decision.MATCH), new Link(1, 2, 20, Decision.MATCH)));

		Evaluation evaluation = clusters.evaluate(join, List.of("1", "2", "1"));

		assertThat(evaluation.decidedMatches()).isEqualTo(2);
		assertThat(evaluation.truePositives()).isEqualTo(1);
	}

}
