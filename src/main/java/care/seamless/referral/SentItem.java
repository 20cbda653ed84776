package care.seamless.referral;

import java.util.UUID;

import care.seamless.consent.ItemKind;

/** One assessment section or plan item a referrer chooses to send. */
public record SentItem(ItemKind kind, UUID id) {
}
