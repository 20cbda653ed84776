package care.seamless;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	// Read once for the class, not once per test.
	private static final ApplicationModules modules = ApplicationModules.of(SeamlessApplication.class);

	@Test
	void modulesOnlyUseWhatTheyDeclare() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();

		// One diagram per module, so a module that went missing from the model shows here
		// too.
		for (var module : modules) {
			assertThat(Path.of("target/modules", "module-" + module.getIdentifier() + ".puml")).exists();
		}
	}

}
