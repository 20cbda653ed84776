package care.seamless.person;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Documents are governed like any entry: listed through the access rules in the query,
 * downloaded only through an audited decision, checked by their content rather than the
 * name or type they were sent with, and removed (kept) only by the uploader or a team
 * manager of the holding organisation.
 */
@SeamlessTest
class DocumentsTests {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 };

	@Autowired
	Fixtures fixtures;

	@Autowired
	Documents documents;

	@Autowired
	Choices choices;

	@Autowired
	AuditLog auditLog;

	Staff socialWorker;

	Staff nurse;

	Staff outsider;

	PersonId person;

	OrganisationId trust;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		outsider = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		person = fixtures.person(Fixtures.unique("Docson"), socialWorker);
		fixtures.addToCareTeam(person, nurse);
	}

	@Test
	void theContentDecidesTheTypeAndTheSizeIsLimited() {
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0 };
		assertThatThrownBy(() -> documents.upload(socialWorker.actor(), person, "invoice.pdf", DocumentKind.LETTER,
				DataCategory.GENERAL, exe))
			.isInstanceOf(PersonRuleViolation.class)
			.hasMessageContaining("PDF, JPG or PNG");
		byte[] tooBig = new byte[(int) documents.maxBytes() + 1];
		System.arraycopy(PDF, 0, tooBig, 0, PDF.length);
		assertThatThrownBy(() -> documents.upload(socialWorker.actor(), person, "Huge report", DocumentKind.REPORT,
				DataCategory.GENERAL, tooBig))
			.isInstanceOf(PersonRuleViolation.class)
			.hasMessageContaining("smaller than 10 MB");
		assertThatThrownBy(() -> documents.upload(socialWorker.actor(), person, "Bad\0title", DocumentKind.REPORT,
				DataCategory.GENERAL, PDF))
			.isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(
				() -> documents.upload(socialWorker.actor(), person, "No kind", null, DataCategory.GENERAL, PDF))
			.isInstanceOf(PersonRuleViolation.class);
		assertThat(documents.current(socialWorker.actor(), person).documents()).isEmpty();

		byte[] exactlyTheLimit = Arrays.copyOf(tooBig, (int) documents.maxBytes());
		documents.upload(socialWorker.actor(), person, "Discharge letter", DocumentKind.LETTER, DataCategory.GENERAL,
				exactlyTheLimit);
		documents.upload(socialWorker.actor(), person, "Pressure sore", DocumentKind.PHOTO, DataCategory.GENERAL, PNG);
		assertThat(documents.current(socialWorker.actor(), person).documents())
			.extracting(Document::title, Document::mediaType)
			.containsExactlyInAnyOrder(tuple("Discharge letter", "application/pdf"),
					tuple("Pressure sore", "image/png"));
	}

	@Test
	void onlyTheCareTeamUploadsAndTheRefusalIsAudited() {
		assertThatThrownBy(() -> documents.upload(outsider.actor(), person, "Letter", DocumentKind.LETTER,
				DataCategory.GENERAL, PDF))
			.isInstanceOf(AccessDenied.class);
		assertThat(auditLog.historyOf(person, 20)).extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(tuple("upload-document", "DENIED"));
		assertThat(documents.current(socialWorker.actor(), person).documents()).isEmpty();
	}

	@Test
	void listingAndDownloadFollowTheAccessRulesAndAreAudited() {
		UUID general = documents.upload(socialWorker.actor(), person, "Care act assessment letter", DocumentKind.LETTER,
				DataCategory.GENERAL, PDF);
		UUID safeguarding = documents.upload(socialWorker.actor(), person, "Section 42 enquiry report",
				DocumentKind.REPORT, DataCategory.SAFEGUARDING, PDF);

		assertThat(documents.current(socialWorker.actor(), person).documents()).extracting(Document::id)
			.containsExactlyInAnyOrder(general, safeguarding);
		Documents.Shown toNurse = documents.current(nurse.actor(), person);
		assertThat(toNurse.documents()).extracting(Document::id).containsExactly(general);
		assertThat(toNurse.withheld()).extracting(WithheldNotice::reason).containsExactly(WithheldReason.NO_AGREEMENT);
		assertThat(toNurse.toString()).doesNotContain("Section 42");

		Document.Content content = documents.download(nurse.actor(), person, general);
		assertThat(content.bytes()).isEqualTo(PDF);
		assertThat(content.fileName()).isEqualTo("Care act assessment letter.pdf");
		assertThatThrownBy(() -> documents.download(nurse.actor(), person, safeguarding))
			.isInstanceOf(AccessDenied.class);

		assertThat(documents.current(outsider.actor(), person).documents()).isEmpty();
		assertThatThrownBy(() -> documents.download(outsider.actor(), person, general))
			.isInstanceOf(AccessDenied.class);
		assertThat(auditLog.historyOf(person, 30))
			.extracting(AuditEntry::action, AuditEntry::recordId, AuditEntry::outcome)
			.contains(tuple("download-document", general.toString(), "PERMITTED"),
					tuple("download-document", safeguarding.toString(), "DENIED"),
					tuple("download-document", general.toString(), "DENIED"));
	}

	@Test
	void anObjectionToTheViewersOrganisationWithholdsTheDocument() {
		UUID letter = documents.upload(socialWorker.actor(), person, "Review letter", DocumentKind.LETTER,
				DataCategory.GENERAL, PDF);
		assertThat(documents.current(nurse.actor(), person).documents()).extracting(Document::id)
			.containsExactly(letter);

		choices.record(socialWorker.actor(), person, new NewChoice(ChoiceKind.OBJECTION, trust, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));

		Documents.Shown toNurse = documents.current(nurse.actor(), person);
		assertThat(toNurse.documents()).isEmpty();
		assertThat(toNurse.withheld()).extracting(WithheldNotice::reason).containsExactly(WithheldReason.OBJECTION);
		assertThatThrownBy(() -> documents.download(nurse.actor(), person, letter)).isInstanceOf(AccessDenied.class);
		assertThat(auditLog.historyOf(person, 20)).extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(tuple("download-document", "DENIED"));
	}

	@Test
	void onlyTheUploaderOrAManagerOfTheHolderRemovesItWithAReasonAndItIsKept() {
		Staff colleague = fixtures.practitionerIn(socialWorker.organisationId(), socialWorker.teamId(),
				Profession.SOCIAL_WORKER, false);
		Staff manager = fixtures.practitionerIn(socialWorker.organisationId(), socialWorker.teamId(),
				Profession.SOCIAL_WORKER, true, Role.PRACTITIONER, Role.TEAM_MANAGER);
		fixtures.addToCareTeam(person, colleague);
		fixtures.addToCareTeam(person, manager);
		UUID first = documents.upload(socialWorker.actor(), person, "First", DocumentKind.LETTER, DataCategory.GENERAL,
				PDF);
		UUID second = documents.upload(socialWorker.actor(), person, "Second", DocumentKind.LETTER,
				DataCategory.GENERAL, PDF);

		// The page offers removal to the uploader and the holder's manager only.
		assertThat(documents.current(socialWorker.actor(), person).removable()).containsExactlyInAnyOrder(first,
				second);
		assertThat(documents.current(manager.actor(), person).removable()).containsExactlyInAnyOrder(first, second);
		assertThat(documents.current(colleague.actor(), person).removable()).isEmpty();
		assertThat(documents.current(nurse.actor(), person).removable()).isEmpty();
		assertThatThrownBy(() -> documents.remove(colleague.actor(), person, first, 0, "Wrong person"))
			.isInstanceOfSatisfying(AccessDenied.class,
					denied -> assertThat(denied.decision().policy()).isEqualTo("author"));
		assertThatThrownBy(() -> documents.remove(nurse.actor(), person, first, 0, "Wrong person"))
			.isInstanceOf(AccessDenied.class);
		// Refused removals are in the log like every other refusal.
		assertThat(auditLog.historyOf(person, 30)).filteredOn(e -> e.action().equals("remove-document"))
			.extracting(AuditEntry::account, AuditEntry::outcome)
			.contains(tuple(colleague.username(), "DENIED"), tuple(nurse.username(), "DENIED"));
		assertThatThrownBy(() -> documents.remove(socialWorker.actor(), person, first, 0, " "))
			.isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> documents.remove(socialWorker.actor(), person, first, 3, "Wrong person"))
			.isInstanceOf(ConcurrentEditException.class);

		documents.remove(socialWorker.actor(), person, first, 0, "Filed on the wrong record");
		documents.remove(manager.actor(), person, second, 0, "Duplicate");

		assertThat(documents.current(socialWorker.actor(), person).documents()).isEmpty();
		assertThat(auditLog.historyOf(person, 30)).extracting(AuditEntry::action, AuditEntry::recordId)
			.contains(tuple("remove", first.toString()), tuple("remove", second.toString()));
		assertThatThrownBy(() -> documents.download(socialWorker.actor(), person, first))
			.isInstanceOf(care.seamless.shared.NotFoundException.class);
	}

}
