package care.seamless.assessment.instrument;

import care.seamless.shared.DataCategory;
import java.util.List;
import java.util.Set;

import care.seamless.shared.Profession;
import care.seamless.terminology.SapDomain;

/**
 * A group of questions in one SAP domain, completed by the professions trained for it.
 *
 * @param professions who may complete the section; ignored when {@code anyProfession} is
 * set
 * @param personsOwnWords whether the section records the person's own words, which are
 * kept as they said them
 */
public record Section(String id, String title, SapDomain sapDomain, DataCategory category, boolean anyProfession,
		Set<Profession> professions, boolean personsOwnWords, List<Question> questions) {

	public Section {
		professions = Set.copyOf(professions);
		questions = List.copyOf(questions);
	}

	public boolean mayBeCompletedBy(Profession profession) {
		return this.anyProfession || this.professions.contains(profession);
	}

}
