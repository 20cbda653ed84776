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

	public static ConfigurableApplicationContext run(String... args) {
		return SpringApplication.run(SeamlessApplication.class, args);
	}

	public static void main(String[] args) {
		run(args);
	}

}
