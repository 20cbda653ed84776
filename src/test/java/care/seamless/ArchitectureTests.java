package care.seamless;

import java.util.Map;

import care.seamless.audit.AuditEvent;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules Spring Modulith does not check for us. */
class ArchitectureTests {

	// Imported once for the class: JUnit makes an instance per test, and each import of
	// every production class costs seconds.
	private static final JavaClasses classes = new ClassFileImporter()
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

	/**
	 * The bulk-load APIs write rows past the access policy and the audit log, to fill an
	 * empty database: only the synthetic population may use them (ADR 45).
	 */
	@Test
	void onlyThePopulationUsesTheBulkLoads() {
		noClasses().that()
			.resideOutsideOfPackage("care.seamless.population..")
			.and()
			.haveNameNotMatching(".*BulkLoad.*")
			.should()
			.dependOnClassesThat()
			.haveNameMatching(".*BulkLoad(\\$.*)?")
			.check(classes);
	}

	@Test
	void repositoriesAreNotPublic() {
		classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
	}

	@Test
	void controllersLiveInWebPackages() {
		classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotations()
			.should()
			.resideInAPackage("..web..")
			.andShould()
			.notBePublic()
			.check(classes);
	}

	/**
	 * The page advices (the header's user, the session's timing) apply to controllers
	 * marked as page controllers and to no API controller (ADR 85): a page controller
	 * declared with a plain {@code @Controller} would lose them.
	 */
	@Test
	void everyControllerThatIsNotAnApiControllerIsMarkedAsAPageController() {
		classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.and()
			.areNotMetaAnnotatedWith(RestController.class)
			.and()
			.areNotAnnotations()
			.should()
			.beAnnotatedWith(PageController.class)
			.check(classes);
	}

	/**
	 * Access decisions are made in {@code consent} only (style 2.3, ADR 16): nothing else
	 * makes an {@link AccessDecision} or an {@link AccessDenied}, so no module can
	 * compose its own "decide, audit, throw".
	 */
	@Test
	void onlyConsentDecidesAndRefuses() {
		noClasses().that()
			.resideOutsideOfPackage("care.seamless.consent..")
			.should()
			.callConstructor(AccessDenied.class, PersonId.class, AccessDecision.class)
			.orShould()
			.callMethodWhere(target(AccessDecision.class))
			.orShould()
			.callConstructorWhere(target(AccessDecision.class))
			.check(classes);
	}

	private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>> target(Class<?> owner) {
		return DescribedPredicate.describe("a member of " + owner.getSimpleName() + " that makes a decision",
				access -> access.getTargetOwner().isEquivalentTo(owner)
						&& access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
						&& !target.getRawParameterTypes().isEmpty());
	}

	/**
	 * Refusals are audited only where they are decided. The exceptions refuse things that
	 * are not a person's information and keep their own message: importing a vocabulary
	 * or an instrument (administrators only), and the review queue's own role check
	 * (NotAuthorisedToDecide), which the linkage module owns until it moves to
	 * {@code AccessPolicy.require}.
	 */
	@Test
	void onlyConsentAuditsRefusals() {
		noClasses().that()
			.resideOutsideOfPackages("care.seamless.consent..", "care.seamless.audit..")
			.and()
			.doNotHaveFullyQualifiedName("care.seamless.terminology.Terminology")
			.and()
			.doNotHaveFullyQualifiedName("care.seamless.assessment.instrument.Instruments")
			.and()
			.doNotHaveFullyQualifiedName("care.seamless.linkage.Matching")
			.and()
			.doNotHaveFullyQualifiedName("care.seamless.linkage.PeopleImport")
			.and()
			// A search refused as too broad names no person: it refuses the query's
			// shape, which is the person module's rule (docs/information-governance.md,
			// Search).
			.doNotHaveFullyQualifiedName("care.seamless.person.People")
			.and()
			// A refused sign-in through an organisation's identity provider names no
			// person and no record: it refuses who is signing in (ADR 20).
			.doNotHaveFullyQualifiedName("care.seamless.team.ExternalIdentities")
			.and()
			// A refused invitation code refuses who is starting an account, like a
			// refused sign-in, not a read of the record (docs/people-and-carers.md).
			.doNotHaveFullyQualifiedName("care.seamless.door.Invitations")
			.and()
			// A person's own account asking /fhir for a type or operation outside its
			// scope names no person and no record: it refuses the request's shape before
			// any read, which the access policy then decides (ADR 55).
			.doNotHaveFullyQualifiedName("care.seamless.fhir.PersonSideScope")
			.should()
			.callMethod(AuditEvent.class, "denied", Actor.class, String.class, String.class, Object.class,
					PersonId.class, String.class)
			.check(classes);
	}

	/**
	 * Every public method of a module's entry point that takes a person also takes the
	 * actor, so access and audit can never be skipped for lack of one. The exceptions are
	 * listed in {@link #ACTORLESS}, each with its reason.
	 */
	@Test
	void everyPublicMethodTakingAPersonTakesTheActor() {
		methods().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.areMetaAnnotatedWith(Component.class)
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("..web..")
			.and(DescribedPredicate.describe("take a PersonId",
					(JavaMethod m) -> m.getRawParameterTypes()
						.stream()
						.anyMatch(t -> t.isEquivalentTo(PersonId.class))))
			.and(DescribedPredicate.describe("are not on the allow-list",
					(JavaMethod m) -> !ACTORLESS.containsKey(m.getOwner().getSimpleName() + "." + m.getName())))
			.should(new ArchCondition<JavaMethod>("also take an Actor") {
				@java.lang.Override
				public void check(JavaMethod method, ConditionEvents events) {
					boolean takesActor = method.getRawParameterTypes()
						.stream()
						.anyMatch(t -> t.isEquivalentTo(Actor.class));
					events.add(new SimpleConditionEvent(method, takesActor,
							method.getFullName() + " takes a PersonId but no Actor"));
				}
			})
			.check(classes);
	}

	/** Methods that take a person but no actor, and why. Keep it short. */
	private static final Map<String, String> ACTORLESS = Map.ofEntries(
			// What the access policy itself is built from: asking for an actor would be
			// circular, and they return ids and care-team facts, not the person's record.
			Map.entry("CareTeams.isCurrentMember", "a policy building block"),
			// One amount for the funding module's own budget statement, whose caller has
			// already checked its reader's access to the person's finances.
			Map.entry("FinancialAssessments.currentWeeklyContribution", "one amount, for a caller that checked access"),
			Map.entry("CareTeams.isManagedBy", "a policy building block"),
			Map.entry("LinkedIdentities.recordsOf", "a policy building block"),
			Map.entry("People.holderOf", "a policy building block: which organisation holds a record being linked"),
			Map.entry("LinkedIdentities.survivorOf", "ids only, shown on a record already opened"),
			Map.entry("CareTeams.members", "read after the record was opened through AccessPolicy.require"),
			// The access history is read only after AccessPolicy.require(... OVERSEER).
			Map.entry("AuditLog.historyOf", "read after an oversight check"),
			// To close: these answer forms whose page was opened through an audited
			// check, but do not check themselves (careplan and consent owners, issue 10).
			Map.entry("CarePlans.partnerOptions", "form options of a plan already opened"),
			Map.entry("CarePlans.possibleOwners", "form options of a plan already opened"),
			Map.entry("Choices.attorneysAndDeputies",
					"names offered on the withdrawal form of a record already opened"),
			Map.entry("Choices.latestCapacity", "shown with choices already read"));

}
