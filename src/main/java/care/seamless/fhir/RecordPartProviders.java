package care.seamless.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.seamless.assessment.Assessments;
import care.seamless.assessment.Episode;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.SectionStatus;
import care.seamless.audit.AuditEntry;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.Choices;
import care.seamless.person.People;
import care.seamless.referral.ReferralId;
import care.seamless.referral.ReferralStatus;
import care.seamless.referral.ReferralSummary;
import care.seamless.referral.Referrals;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ServiceRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consent, ServiceRequest, QuestionnaireResponse, AuditEvent and Provenance: each drawn
 * from one person's record by the owning module's own policy-checked read, the read the
 * matching page uses (see {@link PersonResources}).
 */
@Configuration(proxyBeanMethods = false)
class RecordPartProviders {

	/** As many entries of the record's audit log as its access-history page shows. */
	static final int AUDIT_LIMIT = 500;

	/** The person's sharing choices, as the sharing choices page reads them. */
	@Bean
	PersonResources<Consent> consentProvider(Choices choices, FhirCallers callers) {
		return new PersonResources.WithStatus<>(Consent.class, callers, (actor, person) -> {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			return choices.choices(actor, person).stream().map(c -> ShareTranslator.consent(c, today)).toList();
		}, c -> c.getStatus().toCode(), Set.of("draft", "proposed", "active", "rejected", "inactive"));
	}

	/**
	 * Referrals about the person in which the caller's teams take part (sent or held), as
	 * the referral page shows each: {@link Referrals#view} decides and audits.
	 */
	@Bean
	PersonResources<ServiceRequest> serviceRequestProvider(Referrals referrals, FhirCallers callers) {
		return new PersonResources.WithStatus<>(ServiceRequest.class, callers, (actor, person) -> {
			Set<ReferralStatus> every = EnumSet.allOf(ReferralStatus.class);
			Map<ReferralId, ReferralSummary> mine = new LinkedHashMap<>();
			for (ReferralSummary summary : concat(referrals.outgoing(actor, every), referrals.incoming(actor, every))) {
				if (summary.personId().equals(person)) {
					mine.putIfAbsent(summary.id(), summary);
				}
			}
			return mine.keySet().stream().map(id -> ShareTranslator.serviceRequest(referrals.view(actor, id))).toList();
		}, r -> r.getStatus().toCode(), Set.of("draft", "active", "on-hold", "revoked", "completed"));
	}

	/**
	 * The answers of each assessment section the caller may see; sections withheld from
	 * the caller (the page says "withheld") are left out, as are sections not started.
	 */
	@Bean
	PersonResources<QuestionnaireResponse> questionnaireResponseProvider(Assessments assessments, FhirCallers callers) {
		return new PersonResources.WithStatus<>(QuestionnaireResponse.class, callers, (actor, person) -> {
			List<QuestionnaireResponse> found = new ArrayList<>();
			for (Episode episode : assessments.episodes(actor, person)) {
				for (SectionState state : assessments.episode(actor, person, episode.id()).sections()) {
					if (state.withheld() || state.status() == SectionStatus.NOT_STARTED
							|| state.status() == SectionStatus.NOT_RELEVANT) {
						continue;
					}
					var form = assessments.section(actor, person, episode.id(), state.instrument().id(),
							state.section().id());
					found.add(AssessmentTranslator.response(episode, state, form.answers()));
				}
			}
			return found;
		}, r -> r.getStatus().toCode(), Set.of("in-progress", "completed", "amended", "entered-in-error", "stopped"));
	}

	/**
	 * Who looked at or changed the record, for those who may oversee it (a Caldicott
	 * guardian, a manager of a team working with the person), as the access-history page
	 * shows it; reading it is itself audited. Anyone else finds nothing.
	 */
	@Bean
	PersonResources<AuditEvent> auditEventProvider(People people, FhirCallers callers) {
		return new PersonResources.ByPatient<>(AuditEvent.class, callers,
				(actor, person) -> actor.personSide() ? ownAccessHistory(people, actor, person)
						: people.accessHistory(actor, person, AUDIT_LIMIT)
							.stream()
							.map(entry -> ShareTranslator.auditEvent(person, entry))
							.toList());
	}

	/**
	 * Who saw the record, for the person themselves at their door: the door's own
	 * decision (only the person, not a carer or attorney: it could tell them which
	 * services the person uses), refused with 403. As on the door's page, another
	 * person-side account's name is not shown.
	 */
	private static List<AuditEvent> ownAccessHistory(People people, Actor actor, PersonId person) {
		List<AuditEntry> entries;
		try {
			entries = people.ownAccessHistory(actor, person, AUDIT_LIMIT);
		}
		catch (AccessDenied refused) {
			throw new FhirFailure(FhirError.ACCESS_DENIED, "patient", PersonSideScope.REFUSED);
		}
		return entries.stream().map(entry -> {
			AuditEvent event = ShareTranslator.auditEvent(person, entry);
			boolean someoneElsesDoor = Role.PERSON.name().equals(entry.role())
					&& !actor.username().equals(entry.account());
			if (someoneElsesDoor) {
				event.getAgentFirstRep().getWho().setDisplay("Someone acting for you");
			}
			return event;
		}).toList();
	}

	/** Where the person's imported history came from, under the history's own rules. */
	@Bean
	PersonResources<Provenance> provenanceProvider(ClinicalHistory history, FhirCallers callers) {
		return new PersonResources.ByPatient<>(Provenance.class, callers, (Actor actor,
				PersonId person) -> history.origins(actor, person).stream().map(ShareTranslator::provenance).toList());
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
