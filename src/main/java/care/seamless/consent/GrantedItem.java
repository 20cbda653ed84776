package care.seamless.consent;

import java.util.UUID;

import care.seamless.shared.DataCategory;

/** One item a grant names, with the category the policy decides it by. */
public record GrantedItem(ItemKind kind, UUID id, DataCategory category) {
}
