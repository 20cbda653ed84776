package care.seamless.linkage;

import java.util.List;

/**
 * An import with problems: nothing of it was saved. Every problem found is listed, not
 * only the first, so the file can be corrected in one go.
 */
public class ImportRejected extends RuntimeException {

	private final List<ImportProblem> problems;

	public ImportRejected(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the import; nothing was saved");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return problems;
	}

}
