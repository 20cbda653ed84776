package care.seamless.linkage.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.linkage.ImportReport;
import care.seamless.linkage.ImportedFiles;
import care.seamless.linkage.ImportedPerson;
import care.seamless.linkage.PeopleImport;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing people from a CSV file on the real database: every row registered and
 * matched, near-duplicates queued for review, and a file with a bad line saving nothing.
 */
@SeamlessTest
class PeopleImportTests {

	private static final AtomicInteger DAY = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CareTeams careTeams;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	ImportedFiles importedFiles;

	OrganisationId council;

	Fixtures.Staff socialWorker;

	Fixtures.Staff administrator;

	String family;

	LocalDate dob;

	String postcode;

	@BeforeEach
	void partnership() {
		council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		administrator = fixtures.practitioner(trust, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		family = Fixtures.unique("Wetherell");
		int day = DAY.incrementAndGet();
		dob = LocalDate.of(1929, 2, 3).plusDays(day * 41L);
		postcode = "ZY" + (day % 90 + 10) + " 8" + (char) ('A' + day % 26) + "W";
	}

	/** Someone the council already knows, with the council's social worker as lead. */
	private PersonId knownToTheCouncil(String given) {
		PersonId id = people.register(fixtures.admin, new PersonDetails(null, null, given, family, null, null, dob,
				Sex.FEMALE, null, "12 Mill Road", null, "Riverside", postcode, null, null, null, false, null));
		careTeams.addMember(fixtures.admin, id, socialWorker.practitionerId(), socialWorker.teamId(), "Lead", true);
		return id;
	}

	private ResultActions upload(Fixtures.Staff who, String csv) throws Exception {
		return mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(httpBasic(who.username(), Fixtures.PASSWORD)));
	}

	private long registered(String familyName) {
		return jdbc.sql("select count(*) from person.person where family_name = :family")
			.param("family", familyName)
			.query(Long.class)
			.single();
	}

	@Test
	void registersEveryRowAndSendsANearDuplicateToReview() throws Exception {
		PersonId known = knownToTheCouncil("Margaret");
		String newcomer = Fixtures.unique("Pemberton");
		// Line 2 is the council's Margaret under another given name, having moved, with
		// a column the importer does not know; line 3 is nobody known.
		String csv = """
				first_name,surname,dob,address_1,postcode,sex,favourite_colour
				Maggie,%s,%s,4 Station Road,ZX99 1AA,F,blue
				Arthur,%s,1950-06-01,1 High Street,ZZ1 1ZZ,M,green
				""".formatted(family, dob, newcomer);

		upload(administrator, csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-summary\"")))
			.andExpect(content().string(containsString("data-outcome=\"REVIEW\"")))
			.andExpect(content().string(containsString("data-outcome=\"CREATED\"")))
			.andExpect(content().string(containsString("id=\"count-review\">1<")))
			// The trust's administrator is told which organisation knows her, but not
			// the name she is known by there.
			.andExpect(content().string(containsString(
					"This person may already be known to " + directory.organisation(council).name() + ".")))
			.andExpect(content().string(not(containsString("Margaret"))));

		PersonId imported = new PersonId(
				jdbc.sql("select id from person.person where family_name = :family and given_name = 'Maggie'")
					.param("family", family)
					.query(java.util.UUID.class)
					.single());
		assertThat(jdbc.sql("""
				select status from linkage.match_candidate
				where (left_person = :a and right_person = :b) or (left_person = :b and right_person = :a)""")
			.param("a", known.id())
			.param("b", imported.id())
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(jdbc.sql("select source_organisation_id from person.person where id = :id")
			.param("id", imported.id())
			.query(java.util.UUID.class)
			.single()).isEqualTo(administrator.organisationId().id());
		assertThat(registered(newcomer)).isEqualTo(1);
	}

	@Test
	void aClearMatchWithoutTheSameNhsNumberGoesToReviewNotALink() throws Exception {
		PersonId known = knownToTheCouncil("Harriet");
		String csv = """
				given_name,family_name,date_of_birth,address_1,town,postcode,gender
				Harriet,%s,%s,12 Mill Road,Riverside,%s,female
				""".formatted(family, dob.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), postcode);

		upload(administrator, csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-outcome=\"REVIEW\"")))
			.andExpect(content().string(containsString("id=\"count-linked\">0<")));

		assertThat(jdbc.sql("select count(*) from linkage.person_link where survivor = :known and undone_at is null")
			.param("known", known.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aFileWithABadLineSavesNothingAndNamesEveryBadLine() throws Exception {
		String newcomer = Fixtures.unique("Ollerenshaw");
		String csv = """
				first_name,surname,dob,nhs_number
				Edith,%s,1944-04-04,
				Frank,%s,,
				Grace,%s,31/02/1950,
				Hilda,%s,1951-01-01,1234567890
				""".formatted(newcomer, newcomer, newcomer, newcomer);

		upload(administrator, csv).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("Line 3: enter a date of birth")))
			.andExpect(content().string(containsString("Line 4: the date of birth must be a real date")))
			.andExpect(content().string(containsString("Line 5: the NHS number must be 10 digits")))
			.andExpect(content().string(not(containsString("Line 2:"))));

		assertThat(registered(newcomer)).isZero();
	}

	@Test
	void aLineWithAnNhsNumberAlreadyRegisteredIsLinkedAndTheFileApplied() throws Exception {
		String nhs = Fixtures.nextNhsNumber();
		PersonId existing = people.register(fixtures.admin,
				new PersonDetails(nhs, null, "Ivy", Fixtures.unique("Existing"), null, null, LocalDate.of(1960, 1, 1),
						Sex.FEMALE, null, null, null, null, null, null, null, null, false, null));
		String newcomer = Fixtures.unique("Quarrie");
		String csv = """
				first_name,surname,dob,nhs_number
				Jean,%s,1944-04-04,
				Kate,%s,1945-05-05,%s
				""".formatted(newcomer, newcomer, nhs);

		upload(administrator, csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-outcome=\"LINKED\"")))
			.andExpect(content().string(containsString("id=\"count-linked\">1<")));

		assertThat(registered(newcomer)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from linkage.person_link where survivor = :known and undone_at is null")
			.param("known", existing.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void readsOtherHeadingsNamedInTheFormFromASpreadsheetExport() throws Exception {
		String newcomer = Fixtures.unique("Sowerby");
		// A byte-order mark, as spreadsheets write, before headings the reader does not
		// know by itself.
		String csv = "\uFEFFForename,Surname,Born\nMabel," + newcomer + ",02/03/1938\n";

		mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("columns", "given_name=Forename,date_of_birth=Born")
			.with(csrf())
			.with(httpBasic(administrator.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-outcome=\"CREATED\"")));
		assertThat(jdbc.sql("select date_of_birth from person.person where family_name = :family")
			.param("family", newcomer)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(1938, 3, 2));

		mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("columns", "given_name=First")
			.with(csrf())
			.with(httpBasic(administrator.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString("Line 1: the heading row has no column")));
		assertThat(registered(newcomer)).isEqualTo(1);
	}

	/**
	 * The bulk path (ADR 45, 62) must decide what the per-person path decides. Each path
	 * gets the same file against its own copy of the same people, so neither sees the
	 * other's records: a near duplicate, a clear match without the NHS number, an NHS
	 * number already registered, the same person twice in the file, and a newcomer.
	 */
	@Test
	void aFileImportedInBulkHasTheOutcomesAndAuditOfOneByOne() throws Exception {
		Fixtures.Staff other = fixtures.practitioner(administrator.organisationId(), Profession.ADMINISTRATOR,
				Role.ADMINISTRATOR);
		java.util.List<Decided> byPerson = decided(administrator, false);
		java.util.List<Decided> inBulk = decided(other, true);

		assertThat(inBulk).isEqualTo(byPerson);
		assertThat(byPerson).extracting(Decided::outcome)
			.containsExactly(ImportReport.Outcome.REVIEW, ImportReport.Outcome.REVIEW, ImportReport.Outcome.LINKED,
					ImportReport.Outcome.REVIEW, ImportReport.Outcome.REVIEW, ImportReport.Outcome.CREATED);
		assertThat(auditedBy(other)).isEqualTo(auditedBy(administrator)).containsEntry("create", 6L);
	}

	/** What one line came to: its outcome and how many others it may be. */
	private record Decided(int line, ImportReport.Outcome outcome, int known, String pendingPairs) {
	}

	private java.util.List<Decided> decided(Fixtures.Staff importer, boolean inBulk) {
		// Names, dates and postcodes of this scenario only: the other scenario's people,
		// and other tests', must share no blocking key with these.
		int day = DAY.incrementAndGet();
		LocalDate born = LocalDate.of(1929, 2, 3).plusDays(day * 41L);
		String area = "ZV" + (day % 90 + 10) + " ";
		String family = Fixtures.unique("Thwaite");
		String twin = Fixtures.unique("Ackroyd");
		String nhs = Fixtures.nextNhsNumber();
		PersonId known = people.register(fixtures.admin,
				new PersonDetails(null, null, "Philippa", family, null, null, born, Sex.FEMALE, null, "12 Mill Road",
						null, "Riverside", area + "1AA", null, null, null, false, null));
		people.register(fixtures.admin, new PersonDetails(nhs, null, "Ivy", Fixtures.unique("Existing"), null, null,
				born.plusDays(3), Sex.FEMALE, null, null, null, null, null, null, null, null, false, null));
		java.util.List<PersonDetails> file = java.util.List.of(
				details(null, "Pippa", family, born, "4 Station Road", area + "2AB"),
				details(null, "Philippa", family, born, "12 Mill Road", area + "1AA"),
				details(nhs, "Kezia", Fixtures.unique("Quarrie"), born.plusDays(5), null, null),
				details(null, "Dorcas", twin, born.plusDays(17), "3 Low Lane", area + "3AD"),
				details(null, "Dorcas", twin, born.plusDays(17), "3 Low Lane", area + "3AD"), details(null, "Ambrose",
						Fixtures.unique("Birtwistle"), born.plusDays(29), "1 High Street", area + "4AE"));
		ImportReport report;
		if (inBulk) {
			StringBuilder csv = new StringBuilder(
					"nhs_number,given_name,family_name,date_of_birth,address_1,town,postcode,sex\n");
			for (PersonDetails d : file) {
				csv.append(d.nhsNumber() == null ? "" : d.nhsNumber())
					.append(',')
					.append(d.givenName())
					.append(',')
					.append(d.familyName())
					.append(',')
					.append(d.dateOfBirth())
					.append(',')
					.append(d.addressLine1() == null ? "" : d.addressLine1())
					.append(',')
					.append(d.town() == null ? "" : d.town())
					.append(',')
					.append(d.postcode() == null ? "" : d.postcode())
					.append(",F\n");
			}
			report = peopleImport.importCsv(importer.actor(), new java.io.StringReader(csv.toString()),
					java.util.Map.of());
		}
		else {
			java.util.List<ImportedPerson> incoming = new java.util.ArrayList<>();
			for (int i = 0; i < file.size(); i++) {
				incoming.add(new ImportedPerson(i + 2, file.get(i)));
			}
			report = peopleImport.importPeople(importer.actor(), incoming);
		}
		java.util.Map<PersonId, String> names = new java.util.HashMap<>();
		names.put(known, "known");
		for (ImportReport.Imported person : report.people()) {
			names.put(person.id(), "line " + person.line());
		}
		return report.people().stream().map(person -> {
			java.util.List<String> pairs = jdbc.sql("""
					select case when left_person = :id then right_person else left_person end
					from linkage.match_candidate
					where (left_person = :id or right_person = :id) and status = 'PENDING'""")
				.param("id", person.id().id())
				.query(java.util.UUID.class)
				.list()
				.stream()
				.map(id -> names.getOrDefault(new PersonId(id), "another"))
				.sorted()
				.toList();
			return new Decided(person.line(), person.outcome(), person.known().size(), String.join(", ", pairs));
		}).toList();
	}

	private static PersonDetails details(String nhs, String given, String family, LocalDate born, String address,
			String postcode) {
		return new PersonDetails(nhs, null, given, family, null, null, born, Sex.FEMALE, null, address, null,
				address == null ? null : "Riverside", postcode, null, null, null, false, null);
	}

	private java.util.Map<String, Long> auditedBy(Fixtures.Staff importer) {
		java.util.Map<String, Long> actions = new java.util.TreeMap<>();
		jdbc.sql("select action, count(*) from audit.entry where account = :who group by action")
			.param("who", importer.username())
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> actions.put(rs.getString(1),
					rs.getLong(2)));
		return actions;
	}

	@Test
	void theSameFileAgainIsQuestionedAndImportedAgainOnlyWhenConfirmed() throws Exception {
		String newcomer = Fixtures.unique("Ní Bhriain");
		String csv = """
				given_name,family_name,date_of_birth
				Siobhán,%s,1941-05-06
				Zoë,%s,1944-07-08
				""".formatted(newcomer, newcomer);
		upload(administrator, csv).andExpect(status().isOk());
		assertThat(registered(newcomer)).isEqualTo(2);

		// The same bytes again: nothing registered, the earlier import named, and the
		// file's digest sent back for the importer to confirm with.
		String asked = upload(administrator, csv).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Your organisation imported this file on")))
			.andExpect(content().string(containsString(administrator.username() + ", 2 people")))
			.andExpect(content().string(containsString("Import this file again")))
			.andExpect(content().string(containsString("id=\"again-warning\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(registered(newcomer)).isEqualTo(2);
		String digest = ImportedFiles.digest(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(asked).contains("name=\"again\" value=\"" + digest + "\"");

		// A confirmation for another file does not confirm this one.
		mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("again", ImportedFiles.digest("another file".getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(httpBasic(administrator.username(), Fixtures.PASSWORD))).andExpect(status().isConflict());
		assertThat(registered(newcomer)).isEqualTo(2);

		// Another organisation's administrator is not asked: it is not their import.
		Fixtures.Staff elsewhere = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		upload(elsewhere, csv).andExpect(status().isOk());
		assertThat(registered(newcomer)).isEqualTo(4);

		mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("again", digest)
			.with(csrf())
			.with(httpBasic(administrator.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
		assertThat(registered(newcomer)).isEqualTo(6);
	}

	@Test
	void twoUploadsOfOneFileAtOnceImportItOnce() throws Exception {
		String digest = ImportedFiles.digest(Fixtures.unique("a file uploaded twice").getBytes(StandardCharsets.UTF_8));
		// Both imports have done their work and neither has committed when they check for
		// an earlier import of the file: the moment a double click creates.
		CyclicBarrier bothImported = new CyclicBarrier(2);
		Callable<ImportReport> upload = () -> importedFiles.importing(administrator.actor(), digest, null, () -> {
			try {
				bothImported.await(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return new ImportReport(List.of());
		});
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			List<Future<ImportReport>> uploads = two.invokeAll(List.of(upload, upload));
			int imported = 0;
			int questioned = 0;
			for (Future<ImportReport> each : uploads) {
				try {
					each.get();
					imported++;
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(ImportedFiles.ImportedBefore.class);
					questioned++;
				}
			}
			assertThat(imported).isEqualTo(1);
			assertThat(questioned).isEqualTo(1);
		}
		finally {
			two.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from linkage.imported_file where digest = decode(:digest, 'hex')")
			.param("digest", digest)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		String newcomer = Fixtures.unique("Rudd");
		mvc.perform(get("/people/import").with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		upload(socialWorker, "first_name,surname,dob\nLen," + newcomer + ",1940-01-01\n")
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"refused\"")));
		mvc.perform(get("/people/import").with(httpBasic(administrator.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));

		assertThat(registered(newcomer)).isZero();
		assertThat(jdbc
			.sql("select count(*) from audit.entry where account = :who and action = 'import' and outcome = 'DENIED'")
			.param("who", socialWorker.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
