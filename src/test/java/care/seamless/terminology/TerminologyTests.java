package care.seamless.terminology;

import java.io.StringReader;
import java.util.List;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.Profession;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Imports are stored, survive a restart, reach other nodes, and are all or nothing. */
@SeamlessTest
class TerminologyTests {

	@Autowired
	Terminology terminology;

	@Autowired
	TerminologyTestSupport nodes;

	@Autowired
	AuditLog auditLog;

	private final Actor admin = Actor.system(Fixtures.unique("importer"));

	@Test
	void anImportSurvivesARestart() {
		String code = Fixtures.unique("TST-KEEP-");
		ImportResult result = this.terminology.importCsv(this.admin, "partner.csv",
				csv(line(code, "Kept health term", "Kept social care term", "Kept plain words", "kept synonym")));
		assertThat(result).isEqualTo(new ImportResult(1, 0, List.of()));

		Terminology restarted = this.nodes.lazy(Terminology.starterVocabulary());
		assertThat(restarted.display(code, Audience.SOCIAL_CARE)).isEqualTo("Kept social care term");
		assertThat(restarted.search("kept synonym")).extracting(Concept::code).containsExactly(code);
		assertThat(restarted.display("d510", Audience.PERSON)).as("the starter vocabulary is still there")
			.isEqualTo("Washing myself");
		assertThat(restarted.provenance(code)).get()
			.satisfies((imported) -> assertThat(imported.importedBy()).isEqualTo(this.admin.username()))
			.satisfies((imported) -> assertThat(imported.sourceFile()).isEqualTo("partner.csv"));
	}

	@Test
	void aStoredConceptReplacesTheStarterOneWithTheSameCode() {
		String code = Fixtures.unique("TST-WORD-");
		Vocabulary starter = Vocabulary.of(List.of(concept(code, "Starter words")));
		Terminology node = this.nodes.lazy(starter);

		ImportResult result = node.importCsv(this.admin, "reworded.csv",
				csv(line(code, "Partner words", "Partner words", "Partner words", "")));

		assertThat(result).isEqualTo(new ImportResult(0, 1, List.of()));
		assertThat(node.display(code, Audience.HEALTH)).isEqualTo("Partner words");
		assertThat(this.nodes.lazy(starter).display(code, Audience.HEALTH)).as("after a restart")
			.isEqualTo("Partner words");
	}

	@Test
	void anotherNodePicksUpAnImportAtItsNextCheck() {
		String code = Fixtures.unique("TST-NODE-");
		Terminology checksEveryRead = this.nodes.eager(Terminology.starterVocabulary());
		Terminology checksHourly = this.nodes.lazy(Terminology.starterVocabulary());
		Terminology importer = this.nodes.lazy(Terminology.starterVocabulary());

		importer.importCsv(this.admin, "elsewhere.csv", csv(line(code, "Health", "Social care", "Plain", "")));

		assertThat(checksEveryRead.find(code)).isPresent();
		assertThat(checksHourly.find(code)).as("not checked yet").isEmpty();
		checksHourly.refresh();
		assertThat(checksHourly.find(code)).isPresent();
	}

	@Test
	void oneBadLineRefusesTheWholeFileAndStoresNothing() {
		String good = Fixtures.unique("TST-GOOD-");
		String bad = Fixtures.unique("TST-BAD-");
		String csv = TerminologyTestSupport.HEADER + line(good, "Health", "Social care", "Plain", "")
				+ line(bad, "Health", "Social care", "Plain", "").replace(",need,", ",nede,");

		ImportResult result = this.terminology.importCsv(this.admin, "broken.csv", new StringReader(csv));

		assertThat(result.succeeded()).isFalse();
		assertThat(result.errors()).singleElement()
			.satisfies((error) -> assertThat(error.line()).isEqualTo(3))
			.satisfies((error) -> assertThat(error.column()).isEqualTo("kind"));
		assertThat(this.nodes.repository().storedCodes(List.of(good, bad))).isEmpty();
		assertThat(this.terminology.find(good)).isEmpty();
	}

	@Test
	void anImportIsAuditedWithoutAPerson() {
		String code = Fixtures.unique("TST-AUDIT-");
		ImportResult result = this.terminology.importCsv(this.admin, "audited.csv",
				csv(line(code, "Health", "Social care", "Plain", "")));
		assertThat(result.succeeded()).isTrue();

		assertThat(this.auditLog.recent(20, false)).filteredOn((entry) -> entry.account().equals(this.admin.username()))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.action()).isEqualTo("import"))
			.satisfies((entry) -> assertThat(entry.recordType()).isEqualTo("Vocabulary"))
			.satisfies((entry) -> assertThat(entry.outcome()).isEqualTo("PERMITTED"))
			.satisfies((entry) -> assertThat(entry.reason()).isEqualTo("1 added, 0 replaced"))
			.satisfies((entry) -> assertThat(entry.personId()).isNull());
	}

	@Test
	void onlyAdministratorsImportAndARefusalIsAudited() {
		String code = Fixtures.unique("TST-DENY-");
		Actor practitioner = new Actor(new AccountId(java.util.UUID.randomUUID()), Fixtures.unique("nurse"), null, null,
				null, java.util.Set.of(Role.PRACTITIONER), Purpose.DIRECT_CARE);

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.terminology.importCsv(practitioner,
				"sneaky.csv", csv(line(code, "Health", "Social care", "Plain", ""))));

		assertThat(this.terminology.find(code)).isEmpty();
		List<AuditEntry> refusals = this.auditLog.recent(20, true)
			.stream()
			.filter((entry) -> entry.account().equals(practitioner.username()))
			.toList();
		assertThat(refusals).singleElement()
			.satisfies((entry) -> assertThat(entry.outcome()).isEqualTo("DENIED"))
			.satisfies((entry) -> assertThat(entry.recordType()).isEqualTo("Vocabulary"));
	}

	@Test
	void termsShowsCodesInTheReadersWordsAndNeverFails(@Autowired Terms terms) {
		assertThat(terms.display("d510", Audience.HEALTH)).isEqualTo("Washing oneself");
		assertThat(terms.display("d510", Profession.SOCIAL_WORKER)).isEqualTo("Help with washing and bathing");
		assertThat(terms.display("d510", (Audience) null)).isEqualTo("Washing myself");
		assertThat(terms.display("NO-SUCH-CODE", Audience.HEALTH)).isEqualTo("NO-SUCH-CODE");
		assertThat(terms.display(null, Audience.HEALTH)).isEmpty();
		assertThat(terms.displayAll(List.of("d510", "NO-SUCH-CODE"), Audience.PERSON)).containsExactly("Washing myself",
				"NO-SUCH-CODE");
	}

	private static StringReader csv(String... lines) {
		return new StringReader(TerminologyTestSupport.HEADER + String.join("", lines));
	}

	private static String line(String code, String health, String socialCare, String plain, String synonyms) {
		return TerminologyTestSupport.line(code, health, socialCare, plain, synonyms);
	}

	private static Concept concept(String code, String words) {
		return new Concept(code, CodeSystem.LOCAL, ConceptKind.NEED, SapDomain.PERSONAL_CARE, null, words, words, words,
				List.of(), null, null);
	}

}
