package care.seamless.demo;

import java.util.List;
import java.util.Set;

import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;

/** The demo partnership's organisations, teams and staff, as data. */
final class DemoStaff {

	static final String PASSWORD = "seamless-demo";

	record Org(String code, String name, OrganisationKind kind, List<String> teams) {
	}

	record Staff(String username, String givenName, String familyName, Profession profession, String orgCode,
			String team, boolean manager, Set<Role> roles) {
	}

	static final List<Org> ORGANISATIONS = List.of(
			new Org("RVH", "Riverside University Hospitals NHS Foundation Trust", OrganisationKind.NHS_ACUTE_TRUST,
					List.of("Discharge team", "Elderly care wards")),
			new Org("RCH", "Riverside Community Health NHS Trust", OrganisationKind.NHS_COMMUNITY_TRUST,
					List.of("District nursing north", "Community therapy")),
			new Org("NMH", "Northgate Mental Health NHS Trust", OrganisationKind.NHS_MENTAL_HEALTH_TRUST,
					List.of("Older adults community mental health team")),
			new Org("P81001", "Parkside Medical Practice", OrganisationKind.GP_PRACTICE, List.of("Practice team")),
			new Org("RASC", "Riverside Council Adult Social Care", OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE,
					List.of("Older people's team", "Hospital social work team")),
			new Org("RHS", "Riverside Housing Services", OrganisationKind.HOUSING, List.of("Tenancy support")),
			new Org("AGE1", "Riverside Age Well (charity)", OrganisationKind.VOLUNTARY_SECTOR,
					List.of("Befriending and home from hospital")));

	private static final Set<Role> PRACTITIONER = Set.of(Role.PRACTITIONER);

	static final List<Staff> STAFF = List.of(
			new Staff("nina.patel", "Nina", "Patel", Profession.DISTRICT_NURSE, "RCH", "District nursing north", false,
					PRACTITIONER),
			new Staff("tom.hughes", "Tom", "Hughes", Profession.DISTRICT_NURSE, "RCH", "District nursing north", false,
					PRACTITIONER),
			new Staff("grace.okafor", "Grace", "Okafor", Profession.COMMUNITY_NURSE, "RCH", "District nursing north",
					true, Set.of(Role.PRACTITIONER, Role.TEAM_MANAGER)),
			new Staff("owen.price", "Owen", "Price", Profession.OCCUPATIONAL_THERAPIST, "RCH", "Community therapy",
					false, PRACTITIONER),
			new Staff("hannah.lee", "Hannah", "Lee", Profession.PHYSIOTHERAPIST, "RCH", "Community therapy", false,
					PRACTITIONER),
			new Staff("sam.jones", "Sam", "Jones", Profession.SOCIAL_WORKER, "RASC", "Older people's team", false,
					PRACTITIONER),
			new Staff("priya.shah", "Priya", "Shah", Profession.SOCIAL_WORKER, "RASC", "Older people's team", false,
					PRACTITIONER),
			new Staff("mark.evans", "Mark", "Evans", Profession.CARE_MANAGER, "RASC", "Older people's team", true,
					Set.of(Role.PRACTITIONER, Role.TEAM_MANAGER)),
			new Staff("ruth.adams", "Ruth", "Adams", Profession.SOCIAL_WORKER, "RASC", "Hospital social work team",
					false, PRACTITIONER),
			new Staff("dr.khan", "Aisha", "Khan", Profession.GP, "P81001", "Practice team", false, PRACTITIONER),
			new Staff("dr.morgan", "Rhys", "Morgan", Profession.GP, "P81001", "Practice team", false, PRACTITIONER),
			new Staff("lucy.brown", "Lucy", "Brown", Profession.COMMUNITY_PSYCHIATRIC_NURSE, "NMH",
					"Older adults community mental health team", false, PRACTITIONER),
			new Staff("dr.wood", "Daniel", "Wood", Profession.PSYCHIATRIST, "NMH",
					"Older adults community mental health team", false, PRACTITIONER),
			new Staff("fiona.reid", "Fiona", "Reid", Profession.DISCHARGE_COORDINATOR, "RVH", "Discharge team", false,
					PRACTITIONER),
			new Staff("dr.ali", "Omar", "Ali", Profession.HOSPITAL_DOCTOR, "RVH", "Elderly care wards", false,
					PRACTITIONER),
			new Staff("kate.murphy", "Kate", "Murphy", Profession.HOUSING_OFFICER, "RHS", "Tenancy support", false,
					PRACTITIONER),
			new Staff("ben.taylor", "Ben", "Taylor", Profession.SUPPORT_WORKER, "AGE1",
					"Befriending and home from hospital", false, PRACTITIONER),
			new Staff("joy.wilson", "Joy", "Wilson", Profession.SUPPORT_WORKER, "AGE1",
					"Befriending and home from hospital", true, Set.of(Role.PRACTITIONER, Role.TEAM_MANAGER)),
			new Staff("caldicott", "Helen", "Carter", Profession.ADMINISTRATOR, "RASC", null, false,
					Set.of(Role.CALDICOTT_GUARDIAN)),
			new Staff("caldicott.nhs", "Martin", "Shaw", Profession.ADMINISTRATOR, "RCH", null, false,
					Set.of(Role.CALDICOTT_GUARDIAN)),
			new Staff("admin", "Alex", "Morris", Profession.ADMINISTRATOR, "RASC", null, false,
					Set.of(Role.ADMINISTRATOR)),
			new Staff("cara.bell", "Cara", "Bell", Profession.ADMINISTRATOR, "RASC", null, false,
					Set.of(Role.COMMISSIONER)),
			new Staff("ben.osei", "Ben", "Osei", Profession.ADMINISTRATOR, "RCH", null, false,
					Set.of(Role.BOARD_MEMBER)));

	private DemoStaff() {
	}

}
