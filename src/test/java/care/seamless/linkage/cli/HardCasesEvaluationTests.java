package care.seamless.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import care.seamless.linkage.Clusters;
import care.seamless.linkage.Evaluation;
import care.seamless.linkage.Link;
import care.seamless.linkage.Linkage;
import care.seamless.linkage.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Deduplicates generated hard cases (households, no NHS numbers, three errors in every
 * duplicate) with the one configuration, trained without labels, and holds the engine to
 * bars measured on them.
 */
class HardCasesEvaluationTests {

	@Test
	void twentyThousandRecordsWithHouseholdsAndThreeErrorsPerDuplicate() {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(20_000, new SyntheticPeople.Hard(true, 0.3, 3));
		Linkage linkage = Linkage.dedupe(people.records());
		Matcher matcher = new Matcher(linkage.train(pairs -> {
		}));
		List<Link> links = linkage.link(matcher, pairs -> {
		});

		Evaluation pairwise = Evaluation.of(linkage, links, people.truth());
		Evaluation clustered = Clusters.of(linkage, matcher, links).evaluate(linkage, people.truth());

		assertThat(pairwise.precision()).isGreaterThanOrEqualTo(0.99);
		assertThat(pairwise.recall()).isGreaterThanOrEqualTo(0.93);
		assertThat(clustered.precision()).isGreaterThanOrEqualTo(0.99);
		assertThat(clustered.recall()).isGreaterThanOrEqualTo(0.97);
		// Without the household rule and the chaining guard, household members were
		// merged: pairwise precision 0.87.
		assertThat(Clusters.of(linkage, links).evaluate(linkage, people.truth()).precision())
			.isLessThan(clustered.precision());
	}

	@Test
	void withoutAnyDateOfBirthTheFieldsThatExistStillFindMostPeople() {
		SyntheticPeople.People people = new SyntheticPeople(2).generate(5_000, new SyntheticPeople.Hard(false, 0.3, 3));
		Linkage linkage = Linkage.dedupe(people.records());
		Matcher matcher = new Matcher(linkage.train(pairs -> {
		}));
		List<Link> links = linkage.link(matcher, pairs -> {
		});

		Evaluation clustered = Clusters.of(linkage, matcher, links).evaluate(linkage, people.truth());

		double truePrior = clustered.truePairs() / linkage.totalPairs();
		assertThat(matcher.model().prior()).isBetween(truePrior / 3, truePrior * 3);
		assertThat(clustered.precision()).isGreaterThanOrEqualTo(0.9);
		assertThat(clustered.recall()).isGreaterThanOrEqualTo(0.45);
	}

}
