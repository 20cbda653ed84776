package care.seamless.door;

import java.time.Clock;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * About me: the person writes, in their own words, how they wish to be addressed, what
 * matters to them, how they like to be supported and their communication needs. Anyone
 * who may see the person's core details reads it (the care team on the record, a carer or
 * attorney at the door); only the person changes it. Every read and change is decided and
 * audited by the access policy.
 */
@Service
public class AboutMeWords {

	/** The longest answer to one question, in characters. */
	public static final int LIMIT = 2000;

	static final String RECORD = "AboutMe";

	private final DoorWordsRepository repository;

	private final AccessPolicy accessPolicy;

	private final Clock clock;

	AboutMeWords(DoorWordsRepository repository, AccessPolicy accessPolicy, Clock clock) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public AboutMe aboutMe(Actor actor, PersonId person) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-about-me", RECORD).item(DataCategory.GENERAL, null));
		return repository.aboutMe(person).orElse(AboutMe.EMPTY);
	}

	/**
	 * Saves the person's words if nobody saved since {@code version} was read; every
	 * problem is refused at once ({@link DoorRules}) and nothing is saved.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void save(Actor actor, PersonId person, @Nullable String addressedAs, @Nullable String whatMatters,
			@Nullable String support, @Nullable String communication, long version) {
		Violations problems = new Violations();
		AboutMe words = new AboutMe(
				Words.checked(addressedAs, 200, false, "addressedAs", "door.about.addressedAs", problems),
				Words.checked(whatMatters, LIMIT, false, "whatMatters", "door.about.words", problems),
				Words.checked(support, LIMIT, false, "support", "door.about.words", problems),
				Words.checked(communication, LIMIT, false, "communication", "door.about.words", problems), null,
				version);
		problems.refuseIfAny(DoorRules::new);
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "change-about-me", RECORD)
					.item(DataCategory.GENERAL, null)
					.by(AccessRequest.Who.THE_PERSON));
		if (!repository.saveAboutMe(person, words, version, actor.accountId(), clock.instant())) {
			Violations stale = new Violations();
			stale.add("version", "door.about.stale");
			stale.refuseIfAny(DoorRules::new);
		}
	}

}
