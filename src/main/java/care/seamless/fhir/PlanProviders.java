package care.seamless.fhir;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * CarePlan, Goal and Task, all from the plan as {@link CarePlans#plan} shows it to the
 * caller (decided and audited there): an objective or action withheld from the caller is
 * not in that view, so it is neither found nor counted.
 */
@Configuration(proxyBeanMethods = false)
class PlanProviders {

	@Bean
	PlanResources<CarePlan> carePlanProvider(CarePlans plans, FhirCallers callers) {
		return new WithGoals(plans, callers);
	}

	@Bean
	PlanResources<Goal> goalProvider(CarePlans plans, FhirCallers callers) {
		return new WithLifecycleStatus<>(Goal.class, plans, callers,
				plan -> plan.objectives().stream().map(o -> PlanTranslator.goal(plan.personId(), o)).toList(),
				r -> r.getLifecycleStatus().toCode());
	}

	@Bean
	PlanResources<Task> taskProvider(CarePlans plans, FhirCallers callers) {
		return new WithStatus<>(Task.class, plans, callers,
				plan -> plan.actions().stream().map(a -> PlanTranslator.task(plan, a)).toList(),
				r -> r.getStatus().toCode());
	}

	/**
	 * Search where the status parameter is {@code status} (CarePlan, Task); HAPI reads
	 * the parameter's name for the CapabilityStatement from the annotation, hence one
	 * class per name.
	 */
	static class WithStatus<T extends IBaseResource> extends PlanResources<T> {

		WithStatus(Class<T> type, CarePlans plans, FhirCallers callers, Function<CarePlanView, List<T>> translate,
				Function<T, String> status) {
			super(type, plans, callers, translate, status, "status");
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request,
				@OptionalParam(name = "patient") ReferenceParam patientParam,
				@OptionalParam(name = "subject") ReferenceParam subjectParam,
				@OptionalParam(name = "status") TokenParam statusParam) {
			return find(request);
		}

	}

	/**
	 * CarePlan, whose search may include its goals ({@code _include=CarePlan:goal}): the
	 * objectives of the same view, so only those the caller may see.
	 */
	static class WithGoals extends PlanResources<CarePlan> {

		static final String GOALS = "CarePlan:goal";

		WithGoals(CarePlans plans, FhirCallers callers) {
			super(CarePlan.class, plans, callers, plan -> List.of(PlanTranslator.carePlan(plan)),
					r -> r.getStatus().toCode(), "status");
		}

		@Override
		public Set<String> includes() {
			return Set.of(GOALS);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request,
				@OptionalParam(name = "patient") ReferenceParam patientParam,
				@OptionalParam(name = "subject") ReferenceParam subjectParam,
				@OptionalParam(name = "status") TokenParam statusParam,
				@IncludeParam(allow = { GOALS }) Set<Include> include) {
			return find(request);
		}

		@Override
		List<CarePlan> translate(CarePlanView plan, SearchParameters parameters) {
			List<CarePlan> found = super.translate(plan, parameters);
			if (parameters.includes(includes()).contains(GOALS)) {
				// HAPI adds a referenced resource to the bundle as an include when the
				// reference carries it and the search asked for it.
				for (CarePlan carePlan : found) {
					for (Reference goal : carePlan.getGoal()) {
						plan.objectives()
							.stream()
							.map(o -> PlanTranslator.goal(plan.personId(), o))
							.filter(g -> ("Goal/" + g.getIdElement().getIdPart()).equals(goal.getReference()))
							.findFirst()
							.ifPresent(goal::setResource);
					}
				}
			}
			return found;
		}

	}

	/** Search where the status parameter is {@code lifecycle-status} (Goal). */
	static class WithLifecycleStatus<T extends IBaseResource> extends PlanResources<T> {

		WithLifecycleStatus(Class<T> type, CarePlans plans, FhirCallers callers,
				Function<CarePlanView, List<T>> translate, Function<T, String> status) {
			super(type, plans, callers, translate, status, "lifecycle-status");
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request,
				@OptionalParam(name = "patient") ReferenceParam patientParam,
				@OptionalParam(name = "subject") ReferenceParam subjectParam,
				@OptionalParam(name = "lifecycle-status") TokenParam statusParam) {
			return find(request);
		}

	}

	/** Read and search of one kind of resource drawn from the person's plan. */
	abstract static class PlanResources<T extends IBaseResource> implements SearchableProvider {

		private final Set<String> parameters;

		private final String statusName;

		private final Class<T> type;

		private final CarePlans plans;

		private final FhirCallers callers;

		private final Function<CarePlanView, List<T>> translate;

		private final Function<T, String> status;

		PlanResources(Class<T> type, CarePlans plans, FhirCallers callers, Function<CarePlanView, List<T>> translate,
				Function<T, String> status, String statusName) {
			this.parameters = type == CarePlan.class ? Set.of("patient", "subject", statusName, "_include")
					: Set.of("patient", "subject", statusName);
			this.statusName = statusName;
			this.type = type;
			this.plans = plans;
			this.callers = callers;
			this.translate = translate;
			this.status = status;
		}

		@Override
		public Class<T> getResourceType() {
			return type;
		}

		@Override
		public Set<String> searchParameters() {
			return parameters;
		}

		@Override
		public Set<String> dateParameters() {
			return Set.of();
		}

		@Read
		public T read(@IdParam IdType id) {
			ItemIds.ItemId item = ItemIds.require(id.getIdPart());
			return plans.plan(callers.actor(), item.person())
				.map(translate)
				.orElse(List.of())
				.stream()
				.filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
				.findFirst()
				.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
		}

		List<T> translate(CarePlanView plan, SearchParameters parameters) {
			return translate.apply(plan);
		}

		IBundleProvider find(RequestDetails request) {
			SearchParameters parameters = SearchParameters.check(request.getParameters(), searchParameters());
			String wanted = parameters.single(statusName);
			if (wanted != null && !wanted.matches("[a-z-]{1,30}")) {
				throw new FhirFailure(FhirError.INVALID_PARAMETER, statusName,
						"'" + statusName + "' is a FHIR status code");
			}
			Actor actor = callers.actor();
			PersonId person = PersonScope.person(parameters);
			Optional<CarePlanView> plan = PersonScope.orNull(person, () -> plans.plan(actor, person));
			List<T> found = plan == null ? List.of() : plan.map(p -> translate(p, parameters)).orElse(List.of());
			return PersonScope.page(
					found.stream().filter(r -> wanted == null || wanted.equals(status.apply(r))).toList(), parameters);
		}

	}

}
