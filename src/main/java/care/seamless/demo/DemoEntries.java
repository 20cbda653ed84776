package care.seamless.demo;

import java.util.List;

import care.seamless.shared.DataCategory;
import care.seamless.shared.Profession;

/** What each profession might write, with the category that decides who may read it. */
final class DemoEntries {

	record Note(DataCategory category, String title, String body) {
	}

	private DemoEntries() {
	}

	static Note forProfession(Profession profession, DemoPeople generator) {
		List<Note> notes = switch (profession) {
			case COMMUNITY_PSYCHIATRIC_NURSE, PSYCHIATRIST -> List.of(new Note(DataCategory.MENTAL_HEALTH,
					"Memory clinic review",
					"Mild cognitive impairment; memory aids agreed. Low mood since bereavement; review in 6 weeks."),
					new Note(DataCategory.MENTAL_HEALTH, "Mood assessment",
							"Reports feeling low and anxious about falls. Started talking therapy referral."));
			case SOCIAL_WORKER, CARE_MANAGER -> List.of(new Note(DataCategory.SAFEGUARDING,
					"Safeguarding enquiry (s42)",
					"Concern raised by neighbour about financial pressure from a relative. Enquiry opened; person's wishes recorded."),
					new Note(DataCategory.FINANCES, "Financial assessment",
							"Capital below the lower limit; contribution to care assessed as nil."),
					new Note(DataCategory.GENERAL, "Care Act assessment started",
							"Needs with washing, dressing and preparing meals. Wants to stay at home near family."));
			case DISTRICT_NURSE,
					COMMUNITY_NURSE ->
				List.of(new Note(DataCategory.GENERAL, "Leg ulcer dressing",
						"Dressing changed; healing well. Next visit Thursday."),
						new Note(DataCategory.GENERAL, "Medication review with carer",
								"Blister pack in place; carer prompts morning tablets."));
			case GP, HOSPITAL_DOCTOR -> List.of(
					new Note(DataCategory.GENERAL, "Falls review",
							"Two falls in three months. Blood pressure medication reduced."),
					new Note(DataCategory.SUBSTANCE_MISUSE, "Alcohol use",
							"Drinking above recommended limits since spouse died; brief intervention given."));
			case OCCUPATIONAL_THERAPIST, PHYSIOTHERAPIST -> List.of(new Note(DataCategory.GENERAL, "Home assessment",
					"Grab rails and a second stair rail recommended; bath board provided."));
			case HOUSING_OFFICER -> List.of(new Note(DataCategory.GENERAL, "Tenancy check",
					"Tenancy sustained; adaptations request passed to the council."));
			default -> List.of(new Note(DataCategory.GENERAL, "Befriending visit",
					"Enjoyed a trip to the community café; would like weekly visits."));
		};
		return notes.get(generator.nextInt(notes.size()));
	}

}
