package care.seamless.terminology;

import java.util.Arrays;
import java.util.Optional;

/**
 * Professions that record or read assessments, with the vocabulary each is trained in.
 * Occupational therapists are employed by councils as well as the NHS, but they are
 * taught in health terms, so they read the health wording.
 */
public enum Profession {

	GP("gp", Audience.HEALTH), CONSULTANT("consultant", Audience.HEALTH), PSYCHIATRIST("psychiatrist", Audience.HEALTH),
	PSYCHOLOGIST("psychologist", Audience.HEALTH), NURSE("nurse", Audience.HEALTH),
	DISTRICT_NURSE("district-nurse", Audience.HEALTH), COMMUNITY_MATRON("community-matron", Audience.HEALTH),
	COMMUNITY_PSYCHIATRIC_NURSE("community-psychiatric-nurse", Audience.HEALTH),
	OCCUPATIONAL_THERAPIST("occupational-therapist", Audience.HEALTH),
	PHYSIOTHERAPIST("physiotherapist", Audience.HEALTH),
	SPEECH_AND_LANGUAGE_THERAPIST("speech-and-language-therapist", Audience.HEALTH),
	DIETITIAN("dietitian", Audience.HEALTH), PODIATRIST("podiatrist", Audience.HEALTH),
	PHARMACIST("pharmacist", Audience.HEALTH), PARAMEDIC("paramedic", Audience.HEALTH),
	SOCIAL_WORKER("social-worker", Audience.SOCIAL_CARE), CARE_MANAGER("care-manager", Audience.SOCIAL_CARE),
	HOUSING_OFFICER("housing-officer", Audience.SOCIAL_CARE), SUPPORT_WORKER("support-worker", Audience.SOCIAL_CARE),
	REABLEMENT_WORKER("reablement-worker", Audience.SOCIAL_CARE),
	CARERS_SUPPORT_WORKER("carers-support-worker", Audience.SOCIAL_CARE),
	WELFARE_RIGHTS_OFFICER("welfare-rights-officer", Audience.SOCIAL_CARE);

	private final String code;

	private final Audience audience;

	Profession(String code, Audience audience) {
		this.code = code;
		this.audience = audience;
	}

	public String code() {
		return this.code;
	}

	public Audience audience() {
		return this.audience;
	}

	public static Optional<Profession> fromCode(String code) {
		return Arrays.stream(values()).filter((profession) -> profession.code.equals(code)).findFirst();
	}

}
