package care.seamless.person;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Alerts are governed like any entry: a safeguarding concern is safeguarding information,
 * so an organisation without a safeguarding agreement does not see it; only care-team
 * members raise or end alerts, every change is audited, and ending one names the version
 * read.
 */
@SeamlessTest
class AlertsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Autowired
	Documents documents;

	@Autowired
	Directory directory;

	Staff socialWorker;

	Staff nurse;

	Staff outsider;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		// General information is shared; safeguarding information is not.
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		outsider = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		person = fixtures.person(Fixtures.unique("Alerton"), socialWorker);
		fixtures.addToCareTeam(person, nurse);
	}

	@Test
	void aSafeguardingAlertIsSafeguardingInformationAndTheAgreementDecidesWhoSeesIt() {
		alerts.raise(socialWorker.actor(), person, AlertKind.SAFEGUARDING_CONCERN, "Concern about a neighbour");
		alerts.raise(socialWorker.actor(), person, AlertKind.KEY_SAFE, null);

		assertThat(alerts.current(socialWorker.actor(), person).alerts()).extracting(Alert::kind, Alert::category)
			.containsExactlyInAnyOrder(tuple(AlertKind.SAFEGUARDING_CONCERN, DataCategory.SAFEGUARDING),
					tuple(AlertKind.KEY_SAFE, DataCategory.GENERAL));
		Alerts.Shown toNurse = alerts.current(nurse.actor(), person);
		assertThat(toNurse.alerts()).extracting(Alert::kind).containsExactly(AlertKind.KEY_SAFE);
		assertThat(toNurse.withheld()).extracting(WithheldNotice::reason).containsExactly(WithheldReason.NO_AGREEMENT);
		assertThat(toNurse.toString()).doesNotContain("neighbour");
	}

	@Test
	void onlyTheCareTeamRaisesAnAlertAndTheRefusalIsAudited() {
		assertThatThrownBy(() -> alerts.raise(outsider.actor(), person, AlertKind.LIVES_ALONE, null))
			.isInstanceOf(AccessDenied.class);
		assertThat(auditLog.historyOf(person, 20)).extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(tuple("raise-alert", "DENIED"));
		assertThat(alerts.current(socialWorker.actor(), person).alerts()).isEmpty();

		UUID id = alerts.raise(nurse.actor(), person, AlertKind.LIVES_ALONE, null);
		assertThat(auditLog.historyOf(person, 20)).extracting(AuditEntry::action, AuditEntry::recordId)
			.contains(tuple("create", id.toString()));
		assertThat(alerts.current(socialWorker.actor(), person).alerts()).singleElement()
			.satisfies(a -> assertThat(a.raisedByName()).isNotBlank());
	}

	@Test
	void endingAnAlertNeedsAReasonAndTheVersionReadAndIsAudited() {
		UUID id = alerts.raise(socialWorker.actor(), person, AlertKind.RISK_TO_VISITING_STAFF, "Dog in the house");
		assertThatThrownBy(() -> alerts.raise(nurse.actor(), person, AlertKind.RISK_TO_VISITING_STAFF, null))
			.isInstanceOf(PersonRuleViolation.class)
			.hasMessageContaining("already on the record");
		assertThatThrownBy(() -> alerts.raise(socialWorker.actor(), person, AlertKind.KEY_SAFE, "x".repeat(501)))
			.isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> alerts.raise(socialWorker.actor(), person, null, null))
			.isInstanceOf(PersonRuleViolation.class);

		assertThatThrownBy(() -> alerts.end(socialWorker.actor(), person, id, 0, " "))
			.isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> alerts.end(socialWorker.actor(), person, id, 5, "Dog rehomed"))
			.isInstanceOf(ConcurrentEditException.class);
		alerts.end(nurse.actor(), person, id, 0, "Dog rehomed");

		assertThat(alerts.current(socialWorker.actor(), person).alerts()).isEmpty();
		assertThat(auditLog.historyOf(person, 20)).extracting(AuditEntry::action, AuditEntry::recordId)
			.contains(tuple("end", id.toString()));
		assertThatThrownBy(() -> alerts.end(nurse.actor(), person, id, 1, "Again"))
			.isInstanceOf(care.seamless.shared.NotFoundException.class);
	}

	@Test
	void theRecordPageShowsAgeAndEachAlertWithWhoRaisedItAndWhen() throws Exception {
		alerts.raise(socialWorker.actor(), person, AlertKind.SAFEGUARDING_CONCERN, null);
		int age = Period.between(LocalDate.of(1940, 3, 27), LocalDate.now()).getYears();

		mvc.perform(get("/people/" + person).with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("27 March 1940 (aged " + age + ")"),
					containsString("seamless-alert"), containsString("Raised by Test "))));
		mvc.perform(get("/people/" + person).with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(content()
				.string(allOf(not(containsString("seamless-alert")), containsString("Outside the sharing agreement"))));
	}

	/**
	 * The record page reads its sections in one read-only transaction after the audited
	 * opening: each withheld part still says why and who holds it, the disclosed parts
	 * are shown, and opening the page is audited once.
	 */
	@Test
	void theRecordPageSaysWhyEachPartIsWithheldAndWhoHoldsIt() throws Exception {
		alerts.raise(socialWorker.actor(), person, AlertKind.SAFEGUARDING_CONCERN, "Concern about a neighbour");
		alerts.raise(socialWorker.actor(), person, AlertKind.KEY_SAFE, null);
		documents.upload(socialWorker.actor(), person, "Section 42 enquiry report", DocumentKind.REPORT,
				DataCategory.SAFEGUARDING, DocumentsTests.PDF);
		documents.upload(socialWorker.actor(), person, "Care act assessment letter", DocumentKind.LETTER,
				DataCategory.GENERAL, DocumentsTests.PDF);
		long opened = auditLog.historyOf(person, 50).stream().filter(e -> e.action().equals("read")).count();
		String council = directory.organisation(socialWorker.organisationId()).name();

		String page = mvc.perform(get("/people/" + person).with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Care act assessment letter")
			.doesNotContain("Section 42")
			.doesNotContain("neighbour")
			.contains("Outside the sharing agreement");
		// One notice for the alerts and one for the documents, each naming the holder.
		assertThat(page.split("Held by " + council, -1)).hasSize(3);
		assertThat(auditLog.historyOf(person, 50).stream().filter(e -> e.action().equals("read")).count())
			.isEqualTo(opened + 1);
	}

}
