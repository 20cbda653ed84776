package care.seamless.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;

/**
 * The organisations of a partnership sized for its population, their teams, and the
 * practitioners {@code staff1} to {@code staffK} spread over those teams. Councils have
 * the most teams, as adult social care co-ordinates most care.
 */
final class Workforce {

	record Organisation(UUID id, String code, String name, OrganisationKind kind) {
	}

	record Team(UUID id, Organisation organisation, String name, Profession profession) {
	}

	record Practitioner(UUID id, UUID accountId, String username, String givenName, String familyName, Team team,
			boolean manager) {

		String role() {
			return switch (team.profession()) {
				case SOCIAL_WORKER, CARE_MANAGER -> "Care co-ordinator (social care)";
				case DISTRICT_NURSE, COMMUNITY_NURSE -> "Community nursing";
				case GP -> "GP";
				case OCCUPATIONAL_THERAPIST -> "Occupational therapy";
				case COMMUNITY_PSYCHIATRIC_NURSE, PSYCHIATRIST -> "Mental health";
				case HOUSING_OFFICER -> "Tenancy support";
				case SUPPORT_WORKER -> "Befriending";
				case CARERS_SUPPORT_WORKER -> "Carers support";
				case REABLEMENT_WORKER -> "Reablement";
				case DISCHARGE_COORDINATOR -> "Hospital care";
				default -> "Support";
			};
		}

	}

	final List<Organisation> organisations = new ArrayList<>();

	final List<Organisation> gpPractices = new ArrayList<>();

	final List<Team> teams = new ArrayList<>();

	final List<Practitioner> practitioners = new ArrayList<>();

	final Practitioner administrator;

	private final SplittableRandom random;

	Workforce(long seed, long people, int staff) {
		this.random = new SplittableRandom(Seeds.mix(seed, 0, 0));
		add(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE, "ZLA", atLeast(1, people / 250_000),
				"%s Council Adult Social Care", List.of("Adult social care North", "Adult social care South",
						"Adult social care East", "Adult social care West", "Reablement"));
		add(OrganisationKind.NHS_COMMUNITY_TRUST, "ZC", atLeast(1, people / 500_000), "%s Community Health NHS Trust",
				List.of("District nursing", "Community therapy"));
		add(OrganisationKind.NHS_ACUTE_TRUST, "ZA", atLeast(1, people / 300_000), "%s Teaching Hospitals NHS Trust",
				List.of("Discharge team"));
		add(OrganisationKind.NHS_MENTAL_HEALTH_TRUST, "ZM", atLeast(1, people / 1_000_000),
				"%s Partnership NHS Foundation Trust", List.of("Community mental health team", "Memory service"));
		add(OrganisationKind.VOLUNTARY_SECTOR, "ZV", atLeast(2, people / 100_000), "%s Age Concern",
				List.of("Befriending", "Carers support"));
		add(OrganisationKind.HOUSING, "ZH", atLeast(1, people / 500_000), "%s Homes", List.of("Tenancy support"));
		add(OrganisationKind.GP_PRACTICE, "ZP", atLeast(2, people / 8_000), "%s Medical Practice",
				List.of("Practice team"));
		for (int i = 1; i <= staff; i++) {
			Team team = teams.get((i - 1) % teams.size());
			practitioners.add(practitioner("staff" + i, team, i <= teams.size()));
		}
		administrator = practitioner("population-admin", teams.get(0), false);
	}

	private static long atLeast(long minimum, long count) {
		return Math.max(minimum, count);
	}

	private void add(OrganisationKind kind, String codePrefix, long count, String nameFormat, List<String> teamNames) {
		for (int i = 1; i <= count; i++) {
			String place = Places.TOWNS.get((int) ((i - 1) % Places.TOWNS.size())).name()
					+ (i > Places.TOWNS.size() ? " " + ((i - 1) / Places.TOWNS.size() + 1) : "");
			Organisation organisation = new Organisation(Seeds.uuid(random), codePrefix + String.format("%04d", i),
					nameFormat.formatted(place), kind);
			organisations.add(organisation);
			if (kind == OrganisationKind.GP_PRACTICE) {
				gpPractices.add(organisation);
			}
			for (String teamName : teamNames) {
				teams.add(new Team(Seeds.uuid(random), organisation, teamName, profession(kind, teamName)));
			}
		}
	}

	private static Profession profession(OrganisationKind kind, String team) {
		return switch (kind) {
			case LOCAL_AUTHORITY_ADULT_SOCIAL_CARE ->
				team.equals("Reablement") ? Profession.REABLEMENT_WORKER : Profession.SOCIAL_WORKER;
			case NHS_COMMUNITY_TRUST ->
				team.equals("District nursing") ? Profession.DISTRICT_NURSE : Profession.OCCUPATIONAL_THERAPIST;
			case NHS_ACUTE_TRUST -> Profession.DISCHARGE_COORDINATOR;
			case NHS_MENTAL_HEALTH_TRUST ->
				team.equals("Memory service") ? Profession.PSYCHIATRIST : Profession.COMMUNITY_PSYCHIATRIC_NURSE;
			case VOLUNTARY_SECTOR ->
				team.equals("Befriending") ? Profession.SUPPORT_WORKER : Profession.CARERS_SUPPORT_WORKER;
			case HOUSING -> Profession.HOUSING_OFFICER;
			case GP_PRACTICE -> Profession.GP;
			default -> Profession.SUPPORT_WORKER;
		};
	}

	private Practitioner practitioner(String username, Team team, boolean manager) {
		boolean female = random.nextBoolean();
		Names.Name name = Names.pick(random, female);
		return new Practitioner(Seeds.uuid(random), Seeds.uuid(random), username, name.given(), name.family(), team,
				manager);
	}

}
