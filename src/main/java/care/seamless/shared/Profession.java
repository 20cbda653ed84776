package care.seamless.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The controlled list of professions. Each profession reads the common language in the
 * words it was trained in: health professions in health terms, everyone else in social
 * care terms. Occupational therapists work for councils as well as the NHS, but they are
 * taught in health terms, so they read the health wording.
 */
public enum Profession {

	GP(true), HOSPITAL_DOCTOR(true), CONSULTANT(true), PSYCHIATRIST(true), PSYCHOLOGIST(true), NURSE(true),
	DISTRICT_NURSE(true), COMMUNITY_NURSE(true), COMMUNITY_MATRON(true), COMMUNITY_PSYCHIATRIC_NURSE(true),
	OCCUPATIONAL_THERAPIST(true), PHYSIOTHERAPIST(true), SPEECH_AND_LANGUAGE_THERAPIST(true), DIETITIAN(true),
	PODIATRIST(true), PHARMACIST(true), PARAMEDIC(true), DISCHARGE_COORDINATOR(true), SOCIAL_WORKER(false),
	CARE_MANAGER(false), HOUSING_OFFICER(false), SUPPORT_WORKER(false), REABLEMENT_WORKER(false),
	CARERS_SUPPORT_WORKER(false), WELFARE_RIGHTS_OFFICER(false), ADMINISTRATOR(false);

	private final boolean health;

	Profession(boolean health) {
		this.health = health;
	}

	public boolean isHealth() {
		return this.health;
	}

	/**
	 * The code used in definition files and CSV, such as {@code district-nurse}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Profession> fromCode(String code) {
		return Arrays.stream(values()).filter((profession) -> profession.code().equals(code)).findFirst();
	}

}
