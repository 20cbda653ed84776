package care.seamless.fhir;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * Logical ids of items inside a person's record: the person's id and the item's, each in
 * base 36, joined by a dot (at most 51 characters, within FHIR's 64). Carrying the person
 * lets a read open the record through the owning module's policy-checked read before it
 * looks for the item, so no read ever finds an item outside that decision, and the domain
 * modules need no "whose is this item" lookup for FHIR.
 */
final class ItemIds {

	private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);

	private ItemIds() {
	}

	record ItemId(PersonId person, UUID item) {
	}

	static String of(PersonId person, UUID item) {
		return base36(person.id()) + "." + base36(item);
	}

	/** The ids in {@code id}, or null when it is not one of ours. */
	static @Nullable ItemId parse(String id) {
		int dot = id.indexOf('.');
		if (id.length() > 51 || dot < 1 || dot != id.lastIndexOf('.')) {
			return null;
		}
		UUID person = uuid(id.substring(0, dot));
		UUID item = uuid(id.substring(dot + 1));
		return person == null || item == null ? null : new ItemId(new PersonId(person), item);
	}

	/** {@link #parse}, or a 404 OperationOutcome. */
	static ItemId require(String id) {
		ItemId parsed = parse(id);
		if (parsed == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such resource");
		}
		return parsed;
	}

	/** A plain UUID id (a Patient's, a Practitioner's), or null when it is not one. */
	static @Nullable UUID plain(String id) {
		try {
			return id.length() == 36 ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static UUID requirePlain(String id) {
		UUID parsed = plain(id);
		if (parsed == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such resource");
		}
		return parsed;
	}

	private static String base36(UUID id) {
		ByteBuffer bytes = ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits());
		return new BigInteger(1, bytes.array()).toString(36);
	}

	private static @Nullable UUID uuid(String text) {
		// One spelling per id: no leading zeros, so two ids never name one item.
		if (text.isEmpty() || text.length() > 25 || !text.matches("0|[1-9a-z][0-9a-z]*")) {
			return null;
		}
		BigInteger value = new BigInteger(text, 36);
		if (value.compareTo(LIMIT) >= 0) {
			return null;
		}
		return new UUID(value.shiftRight(64).longValue(), value.longValue());
	}

}
