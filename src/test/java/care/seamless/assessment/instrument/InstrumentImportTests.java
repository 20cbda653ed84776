package care.seamless.assessment.instrument;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Imported definitions are stored, come back after a restart and reach other nodes. */
@SeamlessTest
class InstrumentImportTests {

	@Autowired
	Instruments instruments;

	@Autowired
	InstrumentTestSupport support;

	@Autowired
	AuditLog auditLog;

	private final Actor admin = Actor.system(Fixtures.unique("importer"));

	@Test
	void anImportIsStoredAndReloadedAfterARestart() {
		String id = Fixtures.unique("kept-form-");
		Instrument imported = this.instruments.importDefinition(this.admin, "kept.json",
				json(InstrumentTestSupport.definition(id, 1)));
		assertThat(imported.questions()).extracting(Question::id).containsExactly("washing");

		Instruments restarted = this.support.lazyNode();
		assertThat(restarted.find(id, 1)).get().isEqualTo(imported);
		assertThat(restarted.latest("sap-overview")).as("shipped instruments load first").isPresent();
		assertThat(restarted.provenance(id, 1)).get()
			.satisfies((provenance) -> assertThat(provenance.importedBy()).isEqualTo(this.admin.username()))
			.satisfies((provenance) -> assertThat(provenance.sourceFile()).isEqualTo("kept.json"));
		assertThat(this.auditLog.recent(20, false)).filteredOn((e) -> e.account().equals(this.admin.username()))
			.singleElement()
			.satisfies((e) -> assertThat(e.recordType()).isEqualTo("Instrument"))
			.satisfies((e) -> assertThat(e.recordId()).isEqualTo(id + " version 1"));
	}

	@Test
	void anotherNodePicksUpAnImportAtItsNextCheck() {
		String id = Fixtures.unique("shared-form-");
		Instruments checksEveryRead = this.support.eagerNode();
		Instruments checksHourly = this.support.lazyNode();

		this.support.lazyNode()
			.importDefinition(this.admin, "shared.json", json(InstrumentTestSupport.definition(id, 1)));

		assertThat(checksEveryRead.latest(id)).isPresent();
		assertThat(checksHourly.latest(id)).as("not checked yet").isEmpty();
		checksHourly.refresh();
		assertThat(checksHourly.latest(id)).isPresent();
	}

	@Test
	void aNodeThatHasNotCaughtUpStillRefusesAnOlderVersion() {
		String id = Fixtures.unique("versioned-form-");
		Instruments behind = this.support.lazyNode();
		this.instruments.importDefinition(this.admin, "v2.json", json(InstrumentTestSupport.definition(id, 2)));

		assertThatExceptionOfType(InstrumentVersionNotNewerException.class)
			.isThrownBy(
					() -> behind.importDefinition(this.admin, "v1.json", json(InstrumentTestSupport.definition(id, 1))))
			.withMessageContaining("not newer than the latest version 2");
		assertThat(this.support.stored(id, 1)).isFalse();
	}

	@Test
	void aBadDefinitionIsRefusedWithEveryProblemAndNothingIsStored() {
		String id = Fixtures.unique("broken-form-");
		String broken = InstrumentTestSupport.definition(id, 1)
			.replace("\"d510\"", "\"NO-SUCH-CODE\"")
			.replace("\"personal-care\"", "\"wellbeing\"");

		assertThatExceptionOfType(InvalidInstrumentException.class)
			.isThrownBy(() -> this.instruments.importDefinition(this.admin, "broken.json", json(broken)))
			.satisfies(
					(ex) -> assertThat(ex.errors()).hasSize(2)
						.anySatisfy((error) -> assertThat(error)
							.startsWith("broken.json: $.sections[0].questions[0].options[0]")
							.contains("unknown concept code 'NO-SUCH-CODE'"))
						.anySatisfy((error) -> assertThat(error).contains("$.sections[0].sapDomain")));
		assertThat(this.support.stored(id, 1)).isFalse();
		assertThat(this.instruments.latest(id)).isEmpty();
	}

	@Test
	void onlyAdministratorsImport() {
		String id = Fixtures.unique("refused-form-");
		Actor practitioner = new Actor(new AccountId(UUID.randomUUID()), Fixtures.unique("nurse"), null, null, null,
				Set.of(Role.PRACTITIONER), Purpose.DIRECT_CARE);

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.instruments
			.importDefinition(practitioner, "form.json", json(InstrumentTestSupport.definition(id, 1))));

		assertThat(this.support.stored(id, 1)).isFalse();
		assertThat(this.auditLog.recent(20, true)).filteredOn((e) -> e.account().equals(practitioner.username()))
			.singleElement()
			.satisfies((e) -> assertThat(e.outcome()).isEqualTo("DENIED"));
	}

	private static InputStream json(String definition) {
		return new ByteArrayInputStream(definition.getBytes(StandardCharsets.UTF_8));
	}

}
