package care.seamless.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with both paths set so Selenium Manager
 * never tries the network, and a throwaway profile that is deleted when the JVM ends.
 * <p>
 * Starting and quitting Chromium took a second or more each time on a quiet 2-core
 * machine (ten times that under load), so a closed browser is kept for the next test
 * rather than quit, and comes back as new: a fresh tab (so no history or sessionStorage,
 * where forms keep drafts), no cookies for any site, and the usual window size. A browser
 * that cannot be made new again is quit instead.
 */
public final class Browser implements AutoCloseable {

	private static final Dimension WINDOW = new Dimension(1280, 1024);

	private static final Deque<Chromium> idle = new ConcurrentLinkedDeque<>();

	private static final List<Chromium> started = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(Chromium::quit)));
	}

	private final Chromium chromium;

	private final WebDriver driver;

	private final String baseUrl;

	public Browser(int port) throws IOException {
		this.baseUrl = "http://localhost:" + port;
		Chromium kept = idle.pollFirst();
		this.chromium = kept != null ? kept : Chromium.start();
		this.driver = chromium.driver();
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
	public void close() {
		if (chromium.renew()) {
			idle.addFirst(chromium);
		}
		else {
			chromium.quit();
		}
	}

	private record Chromium(ChromeDriver driver, Path profile) {

		static Chromium start() throws IOException {
			Path profile = Files.createTempDirectory("seamless-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary("/usr/bin/chromium");
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
					"--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File("/usr/bin/chromedriver"))
				.usingAnyFreePort()
				.build();
			Chromium chromium = new Chromium(new ChromeDriver(service, options), profile);
			started.add(chromium);
			return chromium;
		}

		/** A new tab in place of every open one, and no cookies; false if that failed. */
		boolean renew() {
			try {
				Set<String> old = driver.getWindowHandles();
				driver.switchTo().newWindow(WindowType.WINDOW);
				String fresh = driver.getWindowHandle();
				for (String handle : old) {
					driver.switchTo().window(handle).close();
				}
				driver.switchTo().window(fresh);
				driver.manage().window().setSize(WINDOW);
				driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
				return driver.getWindowHandles().size() == 1 && driver.manage().getCookies().isEmpty();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		void quit() {
			started.remove(this);
			try {
				driver.quit();
			}
			catch (RuntimeException ex) {
				// already gone
			}
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException | UncheckedIOException ex) {
				// a temporary folder left behind
			}
		}

	}

}
