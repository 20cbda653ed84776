package care.seamless.person;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

/** A document on a record as listed: never its content, which only a download reads. */
public record Document(UUID id, PersonId personId, String title, DocumentKind kind, DataCategory category,
		OrganisationId sourceOrganisationId, String mediaType, int sizeBytes, String uploadedByName, Instant uploadedAt,
		long version) {

	/** The content of a permitted download, with what the browser is told about it. */
	public record Content(String fileName, String mediaType, byte[] bytes) {
	}

}
