package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
	void doesNotChainTwoHouseholdMembersThroughARecordThatMatchesBoth() {
		// "a smith" at the address matches both Anne and Oliver; Anne and Oliver are two
		// people of one household and must stay apart.
		Linkage household = Linkage.dedupe(List.of(
				person("anne").given("anne").family("smith").born("1980-01-02").address("12 high street").build(),
				person("a").given("a").family("smith").address("12 high street").build(),
				person("oliver").given("oliver").family("smith").born("2010-07-30").address("12 high street").build()));
		Matcher matcher = shippedMatcher();

		Clusters clusters = Clusters.of(household, matcher,
				List.of(new Link(0, 1, 30, Decision.MATCH), new Link(1, 2, 20, Decision.MATCH)));

		assertThat(clusters.clusterOf(1)).isEqualTo(clusters.clusterOf(0));
		assertThat(clusters.clusterOf(2)).isNotEqualTo(clusters.clusterOf(0));
		assertThat(clusters.refused()).isEqualTo(1);
	}

	@Test
	void neverJoinsTwoGroupsThroughPossibleMatches() {
		Linkage four = Linkage.dedupe(List.of(person("a").given("anne").build(), person("b").given("anne").build(),
				person("c").given("anne").build(), person("d").given("anne").build(),
				person("e").given("anne").build()));
		Matcher matcher = shippedMatcher();

		Clusters clusters = Clusters.of(four, matcher,
				List.of(new Link(0, 1, 20, Decision.MATCH), new Link(2, 3, 20, Decision.MATCH),
						new Link(0, 2, 2, Decision.POSSIBLE_MATCH), new Link(1, 3, 2, Decision.POSSIBLE_MATCH),
						new Link(3, 4, 2, Decision.POSSIBLE_MATCH)));

		// Two possible matches between the groups used to join them; at a million records
		// that joined look-alike people (ADR 0043).
		assertThat(clusters.clusterOf(1)).isEqualTo(clusters.clusterOf(0));
		assertThat(clusters.clusterOf(2)).isNotEqualTo(clusters.clusterOf(0));
		assertThat(clusters.clusterOf(4)).isNotEqualTo(clusters.clusterOf(3));
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

	private static Matcher shippedMatcher() {
		try (Reader reader = new InputStreamReader(
				ClustersTests.class.getClassLoader().getResourceAsStream(Matching.MODEL_RESOURCE),
				StandardCharsets.UTF_8)) {
			return new Matcher(ModelFile.load(reader));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
