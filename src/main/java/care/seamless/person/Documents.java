package care.seamless.person;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents on a record (letters, reports, photos). Each carries the data category the
 * uploader chose and the uploader's organisation, so the access rules decide in the query
 * who lists it and, through {@link AccessPolicy#require}, who downloads it; every
 * download and every refusal is audited. The content is checked by its first bytes, never
 * by the type the browser declared. Removal keeps the row, with who, when and why.
 */
@Service
public class Documents {

	private static final String RECORD = "Document";

	/** Longest title or removal reason kept. */
	public static final int TEXT_LIMIT = 200;

	private final DocumentRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Clock clock;

	private final long maxBytes;

	Documents(DocumentRepository repository, AccessPolicy accessPolicy, AuditLog auditLog, Directory directory,
			Clock clock, @Value("${seamless.documents.max-bytes:10485760}") long maxBytes) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.directory = directory;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** The largest document accepted, in bytes. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * What the documents of a record show the actor, why others are withheld, and which
	 * of those shown the actor may take off the record (the page offers removal of those
	 * only).
	 */
	public record Shown(List<Document> documents, List<WithheldNotice> withheld, Set<UUID> removable) {
	}

	/** The current documents the actor may see, decided in the query. */
	@Transactional(readOnly = true)
	public Shown current(Actor actor, PersonId person) {
		List<DocumentRepository.Stored> stored = repository.current(person,
				accessPolicy.visibleItems(actor, "d.person_id", "d.category", "d.source_organisation_id"));
		List<Document> documents = stored.stream().map(DocumentRepository.Stored::document).toList();
		// Asked of the access policy as a removal asks it, so a form is never offered to
		// be refused.
		Set<UUID> removable = stored.stream()
			.filter((s) -> accessPolicy.allows(actor, removal(s)))
			.map((s) -> s.document().id())
			.collect(Collectors.toUnmodifiableSet());
		List<WithheldNotice> withheld = repository
			.withheld(person,
					accessPolicy.withheldReason(actor, "d.person_id", "d.category", "d.source_organisation_id"))
			.stream()
			.map(w -> new WithheldNotice(WithheldReason.valueOf(w.reason()), directory.organisation(w.source()).name()))
			.toList();
		return new Shown(documents, withheld, removable);
	}

	/**
	 * Stores a document from a care-team member. The size and content checks come after
	 * the access check, so a refused upload is audited whatever was sent.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID upload(Actor actor, PersonId person, @Nullable String title, @Nullable DocumentKind kind,
			@Nullable DataCategory category, byte @Nullable [] content) {
		if (kind == null) {
			throw new PersonRuleViolation("kind", ErrorCode.VALIDATION_FAILED, "Choose what kind of document it is");
		}
		if (category == null) {
			throw new PersonRuleViolation("category", ErrorCode.VALIDATION_FAILED,
					"Choose the kind of information the document holds");
		}
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "upload-document", RECORD)
					.item(category, actor.organisationId())
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		String words = plainText(title);
		if (words == null) {
			throw new PersonRuleViolation("title", ErrorCode.VALIDATION_FAILED,
					"Enter a title of up to " + TEXT_LIMIT + " characters");
		}
		if (content == null || content.length == 0) {
			throw new PersonRuleViolation("file", ErrorCode.VALIDATION_FAILED, "Choose a file to upload");
		}
		if (content.length > maxBytes) {
			throw new PersonRuleViolation("file", ErrorCode.VALIDATION_FAILED,
					"The file must be smaller than " + (maxBytes / (1024 * 1024)) + " MB");
		}
		FileType type = FileType.of(content);
		if (type == null) {
			throw new PersonRuleViolation("file", ErrorCode.VALIDATION_FAILED, "The file must be a PDF, JPG or PNG");
		}
		UUID id = UUID.randomUUID();
		Document document = new Document(id, person, words, kind, category, actor.organisationId(), type.mediaType,
				content.length, directory.practitioner(actor.practitionerId()).displayName(), clock.instant(), 0);
		repository.insert(document, actor.username(), content);
		auditLog.record(AuditEvent.permitted(actor, "create", RECORD, id, person));
		return id;
	}

	/**
	 * The content of one document, if the actor may see it; the read is audited either
	 * way.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Document.Content download(Actor actor, PersonId person, UUID documentId) {
		Document document = repository.find(person, documentId)
			.orElseThrow(() -> new NotFoundException(RECORD, documentId))
			.document();
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "download-document", RECORD)
					.about(documentId)
					.item(document.category(), document.sourceOrganisationId()));
		FileType type = FileType.ofMediaType(document.mediaType());
		String safeTitle = document.title().replaceAll("[^A-Za-z0-9 ._-]", "_");
		return new Document.Content(safeTitle + type.extension, document.mediaType(), repository.content(documentId));
	}

	/**
	 * Removes a document from the record, kept for the record: only its uploader, or a
	 * team manager of the organisation that holds it, may, with a reason and the version
	 * read.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void remove(Actor actor, PersonId person, UUID documentId, long version, @Nullable String reason) {
		DocumentRepository.Stored stored = repository.find(person, documentId)
			.orElseThrow(() -> new NotFoundException(RECORD, documentId));
		// Who may remove it is part of the one audited decision, so a refused removal is
		// in the audit log like every other refusal.
		accessPolicy.require(actor, removal(stored));
		String words = plainText(reason);
		if (words == null) {
			throw new PersonRuleViolation("reason", ErrorCode.VALIDATION_FAILED,
					"Say why the document is being removed, in up to " + TEXT_LIMIT + " characters");
		}
		if (repository.remove(documentId, version, actor.username(), words, clock.instant()) == 0) {
			throw new ConcurrentEditException(RECORD, documentId);
		}
		auditLog.record(AuditEvent.permitted(actor, "remove", RECORD, documentId, person));
	}

	private static @Nullable String plainText(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String words = text.strip();
		return words.length() > TEXT_LIMIT || words.chars().anyMatch(Character::isISOControl) ? null : words;
	}

	/** The file types accepted, known by their first bytes. */
	private enum FileType {

		PDF("application/pdf", ".pdf", new byte[] { '%', 'P', 'D', 'F' }),
		JPEG("image/jpeg", ".jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
		PNG("image/png", ".png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });

		private final String mediaType;

		private final String extension;

		private final byte[] magic;

		FileType(String mediaType, String extension, byte[] magic) {
			this.mediaType = mediaType;
			this.extension = extension;
			this.magic = magic;
		}

		static @Nullable FileType of(byte[] content) {
			for (FileType type : values()) {
				if (content.length >= type.magic.length
						&& Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length)) {
					return type;
				}
			}
			return null;
		}

		static FileType ofMediaType(String mediaType) {
			for (FileType type : values()) {
				if (type.mediaType.equals(mediaType)) {
					return type;
				}
			}
			throw new IllegalStateException("Unknown stored media type");
		}

	}

	private static AccessRequest removal(DocumentRepository.Stored stored) {
		Document document = stored.document();
		return AccessRequest.toOpen(document.personId(), "remove-document", RECORD)
			.about(document.id())
			.item(document.category(), document.sourceOrganisationId())
			.byAuthorOrHoldingManager(stored.uploadedBy());
	}

}
