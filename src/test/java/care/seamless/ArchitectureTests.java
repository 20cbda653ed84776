package care.seamless;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules Spring Modulith does not check for us. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("care.seamless");

	@Test
	void onlyRepositoriesHoldAJdbcClient() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Repository")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.check(classes);
	}

	@Test
	void repositoriesAreNotPublic() {
		classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
	}

	@Test
	void controllersLiveInWebPackages() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideInAPackage("..web..")
			.andShould()
			.notBePublic()
			.check(classes);
	}

}
