package care.seamless;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SeamlessApplication.class);

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
	}

}
