package care.seamless;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Seamless", sharedModules = "shared")
public class SeamlessApplication {

	/**
	 * Starts the server, its embedded database beside the context from the start (ADR
	 * 116).
	 */
	public static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(SeamlessApplication.class);
		EarlyDatabaseStart database = new EarlyDatabaseStart();
		application.addInitializers(database);
		try {
			return application.run(args);
		}
		catch (RuntimeException | Error ex) {
			database.stopIfUnclaimed();
			throw ex;
		}
	}

	public static void main(String[] args) {
		run(args);
	}

}
