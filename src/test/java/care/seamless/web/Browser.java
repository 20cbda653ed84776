package care.seamless.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with both paths set so Selenium Manager
 * never tries the network, and a throwaway profile that is deleted afterwards.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final Path profile;

	private final String baseUrl;

	public Browser(int port) throws IOException {
		this.baseUrl = "http://localhost:" + port;
		this.profile = Files.createTempDirectory("seamless-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public Browser signIn(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		driver.findElement(By.cssSelector("button[type=submit].govuk-button")).click();
		waitFor(By.id("main-content"));
		return this;
	}

	public Browser type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Clicks something that loads a new page (a link or a submit button) and waits until
	 * the old page is gone, so the next look cannot read the page being left.
	 */
	public Browser clickThrough(WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
		return this;
	}

	public Browser clickThrough(By locator) {
		return clickThrough(waitFor(locator));
	}

	public WebElement waitFor(By locator) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public WebDriver driver() {
		return driver;
	}

	public String text(By locator) {
		return waitFor(locator).getText();
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
