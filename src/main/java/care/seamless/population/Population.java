package care.seamless.population;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import care.seamless.assessment.AssessmentBulkLoad;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.audit.AuditBulkLoad;
import care.seamless.careplan.CarePlanBulkLoad;
import care.seamless.consent.ChoicesBulkLoad;
import care.seamless.funding.BudgetsBulkLoad;
import care.seamless.referral.ReferralBulkLoad;
import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;
import care.seamless.partnership.AgreementsBulkLoad;
import care.seamless.person.PeopleBulkLoad;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.team.TeamBulkLoad;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a synthetic population in one transaction, table by table
 * through each module's bulk-load API (ADR 45): all of it or, if anything fails, none.
 * People are made again for each table they appear in rather than held in memory, so a
 * million people need no more heap than ten.
 */
@Service
public class Population {

	/** How big, from which seed, and every practitioner's password. */
	public record Settings(long people, long seed, String password, int staff) {

		public Settings {
			if (people < 1 || staff < 1 || password.isBlank()) {
				throw new IllegalArgumentException("people and staff must be at least 1, and a password given");
			}
		}

		/** One practitioner for every 500 people, and at least ten. */
		public static int defaultStaff(long people) {
			return (int) Math.max(10, Math.min(100_000, people / 500));
		}

	}

	/** Rows written per table, and who can sign in. */
	public record Summary(Map<String, Long> rows, int staff, String administrator) {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Population.class);

	private static final Instant RECORDED = SyntheticPerson.REFERENCE_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);

	private static final int PROGRESS_EVERY = 10_000;

	/**
	 * From this many people, building the keys and indexes once costs less than keeping
	 * them row by row; below it the fixed cost of some 160 statements is the larger.
	 */
	static final long DROP_KEYS_FROM = 10_000;

	/**
	 * Passes over the people: the progress reported reaches this many times their number.
	 */
	public static final int PASSES = 18;

	/** The assessment everyone assessed has had: the first, contact stage of the SAP. */
	private static final String INSTRUMENT = "sap-contact";

	private final PeopleBulkLoad people;

	private final TeamBulkLoad teams;

	private final AgreementsBulkLoad agreements;

	private final ChoicesBulkLoad choices;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transaction;

	private final Records records;

	Population(PeopleBulkLoad people, TeamBulkLoad teams, AgreementsBulkLoad agreements, ChoicesBulkLoad choices,
			Records records, PasswordEncoder passwords, PlatformTransactionManager transactions) {
		this.people = people;
		this.teams = teams;
		this.agreements = agreements;
		this.choices = choices;
		this.records = records;
		this.passwords = passwords;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The bulk-load APIs of the modules whose records people have, and the instrument
	 * used.
	 */
	@org.springframework.stereotype.Component
	static class Records {

		final AssessmentBulkLoad assessments;

		final CarePlanBulkLoad plans;

		final ReferralBulkLoad referrals;

		final BudgetsBulkLoad budgets;

		final AuditBulkLoad audit;

		final Instruments instruments;

		Records(AssessmentBulkLoad assessments, CarePlanBulkLoad plans, ReferralBulkLoad referrals,
				BudgetsBulkLoad budgets, AuditBulkLoad audit, Instruments instruments) {
			this.assessments = assessments;
			this.plans = plans;
			this.referrals = referrals;
			this.budgets = budgets;
			this.audit = audit;
			this.instruments = instruments;
		}

	}

	/**
	 * Loads the population, reporting each ten thousand people written to
	 * {@code progress} ({@value #PASSES} passes over the people, so it reaches that many
	 * times their number).
	 * @throws PopulationRefused if anyone is registered already
	 */
	public Summary generate(Settings settings, LongConsumer progress) {
		return transaction.execute(tx -> {
			if (people.anyoneRegistered()) {
				throw new PopulationRefused();
			}
			return load(settings, progress);
		});
	}

	/** The load itself, without the emptiness check, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Summary load(Settings settings, LongConsumer progress) {
		return load(settings, progress, settings.people() >= DROP_KEYS_FROM);
	}

	/**
	 * The load, with the loaded tables' keys and indexes dropped for it and built again
	 * at the end if {@code dropKeys}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Summary load(Settings settings, LongConsumer progress, boolean dropKeys) {
		long began = System.nanoTime();
		// Every table filled here is empty before, so its keys and indexes are built once
		// at the end rather than row by row; in this transaction, so a failed load rolls
		// the drops back with its rows (ADR 56).
		List<BulkIndexes> dropped = dropKeys ? List.of(people.dropIndexes(), teams.dropIndexes(), choices.dropIndexes(),
				records.assessments.dropIndexes(), records.plans.dropIndexes(), records.referrals.dropIndexes(),
				records.budgets.dropIndexes()) : List.of();
		log.info("Population: {} keys and indexes dropped for the load in {} ms",
				dropped.stream().mapToInt(BulkIndexes::count).sum(), (System.nanoTime() - began) / 1_000_000);
		Workforce workforce = new Workforce(settings.seed(), settings.people(), settings.staff());
		Map<String, Long> rows = new LinkedHashMap<>();
		loadWorkforce(workforce, passwords.encode(settings.password()), rows);
		loadAgreements(workforce, settings.seed(), rows);
		long n = settings.people();
		long seed = settings.seed();
		List<Workforce.Practitioner> staff = workforce.practitioners;
		rows.put("people", people.load(PeopleBulkLoad.Table.PERSON, out -> {
			for (long i = 0; i < n; i++) {
				SyntheticPerson p = SyntheticPerson.make(seed, i);
				Workforce.Organisation gp = Names.any(new SplittableRandom(Seeds.mix(seed, 5, i)),
						workforce.gpPractices);
				out.row(p.id(), p.nhsNumber(), p.title(), p.givenName(), p.familyName(), p.dateOfBirth(), p.sex(),
						p.addressLine1(), p.town(), p.postcode(), p.phone(), p.language(), p.interpreterNeeded(),
						gp.name(), gp.code(), lead(staff, i).team().organisation().id(), recorded(i % 1500),
						recorded(i % 1500));
				tick(progress, i);
			}
		}));
		rows.put("related people", people.load(PeopleBulkLoad.Table.RELATED_PERSON, out -> {
			for (long i = 0; i < n; i++) {
				Carers.write(out, SyntheticPerson.make(seed, i), new SplittableRandom(Seeds.mix(seed, 2, i)));
				tick(progress, i);
			}
		}));
		rows.put("care team members", teams.load(TeamBulkLoad.Table.CARE_TEAM_MEMBER, out -> {
			for (long i = 0; i < n; i++) {
				CareTeams.write(out, SyntheticPerson.id(seed, i), lead(staff, i), staff,
						new SplittableRandom(Seeds.mix(seed, 3, i)));
				tick(progress, i);
			}
		}));
		rows.put("consents and objections", choices.load(ChoicesBulkLoad.Table.CHOICE, out -> {
			for (long i = 0; i < n; i++) {
				Choices.write(out, SyntheticPerson.id(seed, i), lead(staff, i), workforce.organisations,
						new SplittableRandom(Seeds.mix(seed, 4, i)));
				tick(progress, i);
			}
		}));
		log.info("Population: workforce, people, carers, care teams and choices in {} ms",
				(System.nanoTime() - began) / 1_000_000);
		loadCareRecords(settings, staff, rows, progress, dropKeys);
		long rebuilding = System.nanoTime();
		// The other way round: a foreign key dropped with a later module's keys points at
		// an earlier one's.
		for (int i = dropped.size() - 1; i >= 0; i--) {
			dropped.get(i).rebuild();
		}
		log.info("Population: keys and indexes built again in {} ms", (System.nanoTime() - rebuilding) / 1_000_000);
		people.analyse();
		teams.analyse();
		choices.analyse();
		agreements.analyse();
		records.assessments.analyse();
		records.plans.analyse();
		records.referrals.analyse();
		records.budgets.analyse();
		records.audit.analyse();
		return new Summary(rows, staff.size(), workforce.administrator.username());
	}

	/** One row writer per person, for one table's pass. */
	private interface PersonRows {

		void write(BulkRows out, long index, UUID person, Journey journey, Workforce.Practitioner lead);

	}

	private void pass(String name, Map<String, Long> written, long n, long seed, int sections,
			List<Workforce.Practitioner> staff, LongConsumer progress,
			java.util.function.Function<Consumer<BulkRows>, Long> load, PersonRows rows) {
		long started = System.nanoTime();
		written.put(name, load.apply(out -> {
			for (long i = 0; i < n; i++) {
				rows.write(out, i, SyntheticPerson.id(seed, i), Journey.of(seed, i, sections), lead(staff, i));
				tick(progress, i);
			}
		}));
		log.info("Population: {} {} in {} ms", written.get(name), name, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Assessments with answers, plans with objectives and actions, referrals, budgets and
	 * the audit history, each person's as their {@link Journey} says.
	 */
	private void loadCareRecords(Settings settings, List<Workforce.Practitioner> staff, Map<String, Long> rows,
			LongConsumer progress, boolean dropKeys) {
		long n = settings.people();
		long seed = settings.seed();
		Instrument instrument = records.instruments.latest(INSTRUMENT)
			.orElseThrow(() -> new IllegalStateException("The instrument " + INSTRUMENT + " is missing"));
		int sections = instrument.sections().size();
		var assessments = records.assessments;
		pass("assessments", rows, n, seed, sections, staff, progress,
				w -> assessments.load(AssessmentBulkLoad.Table.EPISODE, w), (out, i, person, journey, lead) -> {
					if (journey.assessment() != null) {
						CareRecords.episode(out, person, journey.assessment(), lead);
					}
				});
		pass("assessment sections", rows, n, seed, sections, staff, progress,
				w -> assessments.load(AssessmentBulkLoad.Table.SECTION, w), (out, i, person, journey, lead) -> {
					if (journey.assessment() != null) {
						CareRecords.sections(out, seed, i, person, journey.assessment(), instrument, lead);
					}
				});
		pass("assessment answers", rows, n, seed, sections, staff, progress,
				w -> assessments.load(AssessmentBulkLoad.Table.ANSWER, w), (out, i, person, journey, lead) -> {
					if (journey.assessment() != null) {
						CareRecords.answers(out, seed, i, person, journey.assessment(), instrument, lead);
					}
				});
		var plans = records.plans;
		pass("care plans", rows, n, seed, sections, staff, progress,
				w -> plans.load(CarePlanBulkLoad.Table.CARE_PLAN, w), (out, i, person, journey, lead) -> {
					if (journey.plan() != null) {
						CareRecords.plan(out, person, journey, lead);
					}
				});
		pass("plan outcomes", rows, n, seed, sections, staff, progress,
				w -> plans.load(CarePlanBulkLoad.Table.OUTCOME, w), (out, i, person, journey, lead) -> {
					if (journey.plan() != null) {
						CareRecords.outcome(out, person, journey.plan(), CareRecords.PlanShape.of(seed, i), lead);
					}
				});
		pass("plan objectives", rows, n, seed, sections, staff, progress,
				w -> plans.load(CarePlanBulkLoad.Table.OBJECTIVE, w), (out, i, person, journey, lead) -> {
					if (journey.plan() != null) {
						CareRecords.objectives(out, person, journey.plan(), CareRecords.PlanShape.of(seed, i), lead);
					}
				});
		pass("plan actions", rows, n, seed, sections, staff, progress,
				w -> plans.load(CarePlanBulkLoad.Table.ACTION, w), (out, i, person, journey, lead) -> {
					if (journey.plan() != null) {
						CareRecords.actions(out, person, journey.plan(), CareRecords.PlanShape.of(seed, i), lead);
					}
				});
		var referrals = records.referrals;
		pass("referrals", rows, n, seed, sections, staff, progress,
				w -> referrals.load(ReferralBulkLoad.Table.REFERRAL, w), (out, i, person, journey, lead) -> {
					if (journey.referral() != null) {
						CareRecords.referral(out, seed, i, person, journey.referral(), lead,
								CareRecords.receiver(seed, i, lead, staff));
					}
				});
		pass("referral categories", rows, n, seed, sections, staff, progress,
				w -> referrals.load(ReferralBulkLoad.Table.SENT_CATEGORY, w), (out, i, person, journey, lead) -> {
					if (journey.referral() != null) {
						out.row(journey.referral().id(), person, "GENERAL");
					}
				});
		pass("referral steps", rows, n, seed, sections, staff, progress,
				w -> referrals.load(ReferralBulkLoad.Table.STEP, w), (out, i, person, journey, lead) -> {
					if (journey.referral() != null) {
						CareRecords.steps(out, seed, i, person, journey.referral(), lead,
								CareRecords.receiver(seed, i, lead, staff));
					}
				});
		pass("referral breaches", rows, n, seed, sections, staff, progress,
				w -> referrals.load(ReferralBulkLoad.Table.BREACH, w), (out, i, person, journey, lead) -> {
					if (journey.referral() != null) {
						UUID holder = CareRecords.receiver(seed, i, lead, staff).team().id();
						for (CareRecords.Breach breach : CareRecords.breaches(seed, i, journey.referral())) {
							out.row(journey.referral().id(), breach.kind(), person, holder, breach.due(),
									breach.noticed());
						}
					}
				});
		var budgets = records.budgets;
		pass("personal budgets", rows, n, seed, sections, staff, progress,
				w -> budgets.load(BudgetsBulkLoad.Table.PERSONAL_BUDGET, w), (out, i, person, journey, lead) -> {
					if (journey.budget() != null) {
						CareRecords.budget(out, seed, i, person, journey.budget(), lead);
					}
				});
		pass("budget support costs", rows, n, seed, sections, staff, progress,
				w -> budgets.load(BudgetsBulkLoad.Table.SUPPORT_COST, w), (out, i, person, journey, lead) -> {
					if (journey.budget() != null) {
						CareRecords.supportCosts(out, seed, i, person, journey.budget(),
								CareRecords.PlanShape.of(seed, i), lead);
					}
				});
		// Registrations reach back 1,500 days; the history runs from then to the
		// reference date.
		LocalDate first = SyntheticPerson.REFERENCE_DATE.minusDays(1500);
		long started = System.nanoTime();
		BulkIndexes auditKeys = dropKeys ? records.audit.dropIndexes() : null;
		rows.put("audit entries", records.audit.load(first, SyntheticPerson.REFERENCE_DATE, sink -> {
			for (long i = 0; i < n; i++) {
				History.write(sink, seed, i, SyntheticPerson.id(seed, i), Journey.of(seed, i, sections), lead(staff, i),
						staff);
				tick(progress, i);
			}
		}));
		long rebuilding = System.nanoTime();
		if (auditKeys != null) {
			auditKeys.rebuild();
		}
		log.info("Population: {} audit entries in {} ms, their keys built again in {} ms", rows.get("audit entries"),
				(System.nanoTime() - started) / 1_000_000, (System.nanoTime() - rebuilding) / 1_000_000);
	}

	// Everyone has a lead, taken in turn, so every practitioner has a caseload.
	private static Workforce.Practitioner lead(List<Workforce.Practitioner> staff, long index) {
		return staff.get((int) (index % staff.size()));
	}

	private static void tick(LongConsumer progress, long index) {
		if ((index + 1) % PROGRESS_EVERY == 0) {
			progress.accept(PROGRESS_EVERY);
		}
	}

	private void loadWorkforce(Workforce workforce, String hash, Map<String, Long> rows) {
		rows.put("organisations", teams.load(TeamBulkLoad.Table.ORGANISATION, out -> workforce.organisations
			.forEach(o -> out.row(o.id(), o.code(), o.name(), o.kind(), recorded(2000)))));
		rows.put("teams", teams.load(TeamBulkLoad.Table.TEAM,
				out -> workforce.teams.forEach(t -> out.row(t.id(), t.organisation().id(), t.name()))));
		List<Workforce.Practitioner> everyone = new java.util.ArrayList<>(workforce.practitioners);
		everyone.add(workforce.administrator);
		rows.put("practitioners",
				teams.load(TeamBulkLoad.Table.PRACTITIONER,
						out -> everyone.forEach(p -> out.row(p.id(), p.team().organisation().id(), p.givenName(),
								p.familyName(), p == workforce.administrator ? "ADMINISTRATOR" : p.team().profession(),
								p.username() + "@seamless.invalid"))));
		teams.load(TeamBulkLoad.Table.MEMBERSHIP,
				out -> workforce.practitioners.forEach(p -> out.row(p.team().id(), p.id(), p.manager())));
		// One hash for everyone: bcrypt is slow on purpose, and the password is the same.
		rows.put("accounts", teams.load(TeamBulkLoad.Table.ACCOUNT,
				out -> everyone.forEach(p -> out.row(p.accountId(), p.username(), hash, p.id(), recorded(400)))));
		teams.load(TeamBulkLoad.Table.ACCOUNT_ROLE, out -> {
			for (Workforce.Practitioner p : workforce.practitioners) {
				out.row(p.accountId(), Role.PRACTITIONER);
				if (p.manager()) {
					out.row(p.accountId(), Role.TEAM_MANAGER);
				}
			}
			out.row(workforce.administrator.accountId(), Role.ADMINISTRATOR);
		});
	}

	/**
	 * Three agreements, as a partnership would have: everyone shares for direct care and
	 * safeguarding; health and social care share sensitive categories (with consent, as
	 * the policy requires); councils and housing share financial circumstances.
	 */
	private void loadAgreements(Workforce workforce, long seed, Map<String, Long> rows) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 6, 0));
		LocalDate start = SyntheticPerson.REFERENCE_DATE.minusMonths(6);
		List<Agreement> all = List.of(
				new Agreement(Seeds.uuid(random), "Shared care: direct care and safeguarding",
						"UK GDPR 6(1)(e) and 9(2)(h); Care Act 2014 s42", workforce.organisations,
						List.of(Purpose.DIRECT_CARE, Purpose.SAFEGUARDING),
						List.of(DataCategory.GENERAL, DataCategory.THIRD_PARTY, DataCategory.SAFEGUARDING)),
				new Agreement(Seeds.uuid(random), "Health and social care: sensitive information for direct care",
						"UK GDPR 9(2)(h), with the person's explicit consent for each share",
						workforce.organisations.stream()
							.filter(o -> o.kind().isHealth()
									|| o.kind() == OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE)
							.toList(),
						List.of(Purpose.DIRECT_CARE),
						List.of(DataCategory.MENTAL_HEALTH, DataCategory.SUBSTANCE_MISUSE, DataCategory.SEXUAL_HEALTH)),
				new Agreement(Seeds.uuid(random), "Council and housing: financial circumstances",
						"UK GDPR 6(1)(e); Care Act 2014 s14 and s17",
						workforce.organisations.stream()
							.filter(o -> o.kind() == OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE
									|| o.kind() == OrganisationKind.HOUSING)
							.toList(),
						List.of(Purpose.DIRECT_CARE), List.of(DataCategory.FINANCES)));
		rows.put("sharing agreements", agreements.load(AgreementsBulkLoad.Table.SHARING_AGREEMENT, out -> all.forEach(
				a -> out.row(a.id(), a.title(), a.lawfulBasis(), start, start.plusYears(1), "ACTIVE", recorded(183)))));
		agreements.load(AgreementsBulkLoad.Table.AGREEMENT_PARTY,
				out -> all.forEach(a -> a.parties().forEach(o -> out.row(a.id(), o.id()))));
		agreements.load(AgreementsBulkLoad.Table.AGREEMENT_PURPOSE,
				out -> all.forEach(a -> a.purposes().forEach(p -> out.row(a.id(), p))));
		agreements.load(AgreementsBulkLoad.Table.AGREEMENT_CATEGORY,
				out -> all.forEach(a -> a.categories().forEach(c -> out.row(a.id(), c))));
	}

	private record Agreement(java.util.UUID id, String title, String lawfulBasis, List<Workforce.Organisation> parties,
			List<Purpose> purposes, List<DataCategory> categories) {
	}

	static Instant recorded(long daysBefore) {
		return RECORDED.minusSeconds(daysBefore * 86_400);
	}

}
