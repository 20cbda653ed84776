package care.seamless.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of concepts, looked up by code and searched by any of their words.
 * Changing the vocabulary makes a new one, so readers never see a half-finished import.
 */
public final class Vocabulary {

	private static final int EXACT = 0;

	private static final int PREFIX = 1;

	private static final int CONTAINS = 2;

	private static final int NO_MATCH = Integer.MAX_VALUE;

	private final Map<String, Concept> byCode;

	private Vocabulary(Map<String, Concept> byCode) {
		this.byCode = byCode;
	}

	/**
	 * @throws IllegalArgumentException if two concepts share a code
	 */
	public static Vocabulary of(Collection<Concept> concepts) {
		Map<String, Concept> byCode = new LinkedHashMap<>();
		for (Concept concept : concepts) {
			if (byCode.putIfAbsent(concept.code(), concept) != null) {
				throw new IllegalArgumentException("Duplicate concept code '" + concept.code() + "'");
			}
		}
		return new Vocabulary(byCode);
	}

	/**
	 * A new vocabulary with these concepts added; a concept whose code already exists
	 * replaces the old one, so a partner can reword a starter concept without inventing a
	 * new code.
	 */
	public Vocabulary with(Collection<Concept> additions) {
		Map<String, Concept> byCode = new LinkedHashMap<>(this.byCode);
		additions.forEach((concept) -> byCode.put(concept.code(), concept));
		return new Vocabulary(byCode);
	}

	public Optional<Concept> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	public boolean contains(String code) {
		return this.byCode.containsKey(code);
	}

	/**
	 * The concept's words for this audience. An unknown code (say, from a partner whose
	 * vocabulary has not been imported yet) is shown as the code itself, so a screen
	 * still renders and the gap is visible.
	 */
	public String display(String code, Audience audience) {
		return find(code).map((concept) -> concept.display(audience)).orElse(code);
	}

	/**
	 * Concepts with any term, synonym or code matching the text, ignoring case: exact
	 * matches first, then terms that start with the text, then terms that contain it;
	 * ties in plain-English order.
	 */
	public List<Concept> search(String text) {
		String query = normalise(text);
		if (query.isEmpty()) {
			return List.of();
		}
		record Hit(Concept concept, int rank) {
		}
		List<Hit> hits = new ArrayList<>();
		for (Concept concept : this.byCode.values()) {
			int rank = rank(concept, query);
			if (rank != NO_MATCH) {
				hits.add(new Hit(concept, rank));
			}
		}
		hits.sort(Comparator.comparingInt(Hit::rank)
			.thenComparing((hit) -> hit.concept().plainEnglish(), String.CASE_INSENSITIVE_ORDER));
		return hits.stream().map(Hit::concept).toList();
	}

	public List<Concept> concepts() {
		return List.copyOf(this.byCode.values());
	}

	public int size() {
		return this.byCode.size();
	}

	private static int rank(Concept concept, String query) {
		int best = concept.code().equalsIgnoreCase(query) ? EXACT : NO_MATCH;
		for (String term : concept.terms()) {
			String candidate = normalise(term);
			if (candidate.equals(query)) {
				return EXACT;
			}
			if (candidate.startsWith(query)) {
				best = Math.min(best, PREFIX);
			}
			else if (candidate.contains(query)) {
				best = Math.min(best, CONTAINS);
			}
		}
		return best;
	}

	// Collapsing spaces lets "personal care" find "personal care" when someone types
	// carelessly.
	private static String normalise(String text) {
		return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
