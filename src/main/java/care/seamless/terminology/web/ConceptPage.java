package care.seamless.terminology.web;

import java.util.List;

import care.seamless.terminology.Concept;

/**
 * One page of concepts, with what the pagination links need.
 *
 * @param page the page shown, counting from 1
 */
record ConceptPage(List<Concept> concepts, int page, int pages, int total, int first, int last) {

	static ConceptPage of(List<Concept> all, int requested, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int page = Math.max(1, Math.min(requested, pages));
		int from = Math.min((page - 1) * size, all.size());
		int to = Math.min(from + size, all.size());
		return new ConceptPage(all.subList(from, to), page, pages, all.size(), from + 1, to);
	}

}
