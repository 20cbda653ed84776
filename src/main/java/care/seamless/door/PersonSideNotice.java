package care.seamless.door;

import java.util.List;

import care.seamless.shared.AccountId;
import care.seamless.shared.PersonId;

/**
 * Something the person, or someone acting for them, should be told of at their door:
 * {@code kind} names the notice ({@code door.reply}), {@code link} the door page that
 * shows it through the access policy. Carries ids only.
 */
public record PersonSideNotice(PersonId person, List<AccountId> tell, String kind, String link) {

	public PersonSideNotice {
		tell = List.copyOf(tell);
	}

}
