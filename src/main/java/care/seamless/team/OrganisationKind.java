package care.seamless.team;

public enum OrganisationKind {

	NHS_ACUTE_TRUST, NHS_COMMUNITY_TRUST, NHS_MENTAL_HEALTH_TRUST, GP_PRACTICE, LOCAL_AUTHORITY_ADULT_SOCIAL_CARE,
	CHILDRENS_SERVICES, HOUSING, VOLUNTARY_SECTOR, INDEPENDENT_PROVIDER;

	public boolean isHealth() {
		return switch (this) {
			case NHS_ACUTE_TRUST, NHS_COMMUNITY_TRUST, NHS_MENTAL_HEALTH_TRUST, GP_PRACTICE -> true;
			default -> false;
		};
	}

}
