package care.seamless.careplan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionStatus;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PersonsCopy;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.document.Pdfs;
import care.seamless.document.PrintedDocuments;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's copy of their plan carries its dates, whom to contact and how, what to do
 * if things go wrong and where each action is up to, in plain words, on screen and in the
 * PDF; printed, it has none of the staff's navigation.
 */
@SeamlessTest
class PersonsCopyTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CarePlanFixtures plans;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	PlanDiscussions discussions;

	@Autowired
	Directory directory;

	@Autowired
	CareTeams careTeams;

	@Autowired
	PrintedDocuments documents;

	@Test
	void theCopyHasItsDatesContactsContingencyAndEachActionsStatusInPlainWords() throws Exception {
		Partnership p = preparedPlan();
		LocalDate review = LocalDate.now().plusMonths(6);
		String council = directory.organisation(p.council()).name();

		String screen = Jsoup.parse(page("/people/" + p.person() + "/care-plan/persons-copy", p.socialWorker()))
			.select("#persons-copy")
			.text();
		String pdf = Pdfs.words(mvc
			.perform(get("/people/" + p.person() + "/care-plan/persons-copy.pdf")
				.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		for (String text : new String[] { screen, pdf }) {
			assertThat(text).contains("This copy was made on " + LocalDate.now().format(DATE),
					"Your plan was started on " + LocalDate.now().format(DATE),
					"We will look at this plan with you again on " + review.format(DATE),
					"Your lead professional is Robin Lead (Social worker), from " + council,
					"E-mail Robin Lead: robin.lead@riverside.gov.uk", "Telephone: 0300 123 4567",
					"E-mail: adult.care@riverside.gov.uk", "Write to: " + council + ", Town Hall, Riverside RV1 1AA",
					"tell us this reference: " + directory.organisation(p.council()).code().toUpperCase(Locale.UK),
					"Ring your daughter first", "Out of hours, call: 01632 960111", "Fit a grab rail",
					"Where this is up to: done", "Book a chiropodist", "Where this is up to: not started yet",
					"In an emergency");
			assertThat(text).doesNotContain("IN_PROGRESS", "DONE", "OPEN");
		}
	}

	@Test
	void thePrintedCopyHasNoStaffNavigationLinksOrNotices() throws Exception {
		Partnership p = preparedPlan();
		PersonsCopy copy = carePlans.personsCopy(p.socialWorker().actor(), p.person());

		String html = documents.html(PersonsCopyController.TEMPLATE,
				Map.of("copy", copy, "plan", copy.plan(), "personId", p.person(), "personName", "Ann Example"));

		Document printed = Jsoup.parse(html);
		assertThat(printed.select("html").attr("lang")).isEqualTo("en-GB");
		assertThat(printed.title()).isEqualTo("Your care and support plan");
		assertThat(printed.select("h1").text()).isEqualTo("Your care and support plan");
		assertThat(printed.select("nav, header, footer, form, a, .govuk-service-navigation, .govuk-header, "
				+ ".seamless-no-print, .govuk-skip-link, script"))
			.as("staff navigation, links, forms and notices")
			.isEmpty();
		assertThat(printed.text()).doesNotContain("Sign out", "My caseload", "Find a person")
			.contains("Fit a grab rail");

		// On screen the same page carries the staff layout; the browser's print command
		// hides it with the documents' print style sheet.
		Document screen = Jsoup.parse(page("/people/" + p.person() + "/care-plan/persons-copy", p.socialWorker()));
		assertThat(screen.select(".govuk-service-navigation")).isNotEmpty();
		assertThat(screen.select("link[href$=/css/documents.css]")).isNotEmpty();
		String css = Files.readString(Path.of("src/main/resources/static/css/documents.css"));
		assertThat(css.substring(css.indexOf("@media print"))).contains(".govuk-service-navigation", ".govuk-header",
				".seamless-no-print", "display: none");
	}

	private Partnership preparedPlan() {
		Partnership p = plans.partnership();
		UUID[] objectives = plans.planWithTwoObjectives(p);
		directory.recordContact(fixtures.admin, p.council(), "0300 123 4567", "adult.care@riverside.gov.uk",
				"Town Hall\nRiverside RV1 1AA", directory.organisation(p.council()).version());
		PractitionerId lead = directory.registerPractitioner(fixtures.admin, p.council(), "Robin", "Lead",
				Profession.SOCIAL_WORKER, "robin.lead@riverside.gov.uk");
		careTeams.addMember(fixtures.admin, p.person(), lead, null, "Lead", true);
		discussions.saveContingency(p.socialWorker().actor(), p.person(), null, "Ring your daughter first",
				"01632 960111");
		carePlans.scheduleReview(p.socialWorker().actor(), p.person(),
				carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().version(),
				LocalDate.now().plusMonths(6));
		UUID done = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objectives[0], ActionKind.ACTION, "Fit a grab rail", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusDays(7)));
		actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objectives[0], ActionKind.ACTION, "Book a chiropodist", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusDays(14)));
		long version = carePlans.plan(p.socialWorker().actor(), p.person())
			.orElseThrow()
			.actions()
			.stream()
			.filter(a -> a.id().equals(done))
			.findFirst()
			.orElseThrow()
			.version();
		actions.changeStatus(p.socialWorker().actor(), p.person(), done, version, ActionStatus.DONE);
		return p;
	}

	private String page(String path, Fixtures.Staff who) throws Exception {
		return mvc.perform(get(path).with(httpBasic(who.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
