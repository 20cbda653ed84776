package care.seamless.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.terminology.TerminologyTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator uploads a partner's vocabulary through the real form (multipart, with
 * its CSRF token), then finds a new concept by its synonym and reads it in all three
 * audiences' words.
 */
@SeamlessTest
class CommonLanguageJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void importAVocabularyThenFindAConceptBySynonym(@TempDir Path folder) throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		String code = Fixtures.unique("LCC-JOURNEY-");
		String synonym = Fixtures.unique("journeyword");
		Path file = folder.resolve("partner.csv");
		Files.writeString(file,
				TerminologyTestSupport.HEADER + String.join(",", code, "local", "service", "personal-care", "",
						"Shared Lives scheme", "Shared Lives placement", "Living with a Shared Lives carer",
						"adult placement|" + synonym, "", "e5750") + "\n",
				StandardCharsets.UTF_8);

		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.username(), Fixtures.PASSWORD);
			browser.driver().findElement(By.cssSelector("#nav-more > summary")).click();
			browser.clickThrough(browser.driver().findElement(By.linkText("Common language")));
			browser.clickThrough(browser.waitFor(By.id("import")));
			browser.waitFor(By.id("file")).sendKeys(file.toString());
			browser.clickThrough(browser.driver().findElement(By.id("submit-import")));
			assertThat(browser.text(By.id("imported"))).contains("1 concept added, 0 replaced");

			browser.type("q", synonym);
			browser.clickThrough(browser.driver().findElement(By.cssSelector("form[role=search] button")));
			assertThat(browser.text(By.id("result-count"))).isEqualTo("1 concept found");
			browser.clickThrough(browser.driver().findElement(By.linkText(code)));
			assertThat(browser.text(By.id("term-HEALTH"))).isEqualTo("Shared Lives scheme");
			assertThat(browser.text(By.id("term-SOCIAL_CARE"))).isEqualTo("Shared Lives placement");
			assertThat(browser.text(By.id("term-PERSON"))).isEqualTo("Living with a Shared Lives carer");
			assertThat(browser.text(By.id("provenance")))
				.startsWith("Imported from partner.csv by " + admin.username());
		}
	}

	@Test
	void aPractitionerOpeningTheImportFormGetsTheRefusalPage() throws Exception {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		var nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/instruments/import");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("You do not have permission to see this page");
		}
	}

}
