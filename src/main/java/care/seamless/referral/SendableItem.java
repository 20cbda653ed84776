package care.seamless.referral;

import java.util.UUID;

import care.seamless.consent.ItemKind;
import care.seamless.shared.DataCategory;

/**
 * An item of the person's assessment or plan the referrer may send, because they may see
 * it themselves. The label is a title (instrument and section, or the plan's part), not
 * the person's information, and is what the referral keeps; the detail (an objective's or
 * action's words) is for the referrer's form only.
 */
public record SendableItem(ItemKind kind, UUID id, String label, String detail, DataCategory category) {

	public SentItem choice() {
		return new SentItem(kind, id);
	}

}
