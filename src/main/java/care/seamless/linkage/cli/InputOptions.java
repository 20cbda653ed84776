package care.seamless.linkage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import care.seamless.linkage.LoadedRecords;
import care.seamless.linkage.RecordReader;
import care.seamless.linkage.Truth;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The input files shared by the link subcommands: one file to deduplicate, or a left and
 * a right file to join.
 */
class InputOptions {

	@Option(names = "--input", description = "CSV file to deduplicate.")
	@Nullable Path input;

	@Option(names = "--left", description = "Left CSV file of a join.")
	@Nullable Path left;

	@Option(names = "--right", description = "Right CSV file of a join.")
	@Nullable Path right;

	@Option(names = "--columns", paramLabel = "role=header,...",
			description = "Map roles to headers, e.g. given_name=forename,date_of_birth=born. Other recognised headers are still used.")
	@Nullable String columns;

	boolean isJoin() {
		if (input != null && left == null && right == null) {
			return false;
		}
		if (input == null && left != null && right != null) {
			return true;
		}
		throw new IllegalArgumentException("Give either --input, or both --left and --right");
	}

	/**
	 * The records read, left before right for a join, with their truth keys when
	 * {@code truth} asks for them.
	 */
	Loaded load(Truth truth) throws IOException {
		RecordReader reader = new RecordReader(RecordReader.parseColumns(columns), truth);
		if (!isJoin()) {
			LoadedRecords records = reader.read(input);
			warnOfUnused(input, records);
			return new Loaded(records, null);
		}
		LoadedRecords leftRecords = reader.read(left);
		LoadedRecords rightRecords = reader.read(right);
		warnOfUnused(left, leftRecords);
		warnOfUnused(right, rightRecords);
		return new Loaded(leftRecords, rightRecords);
	}

	// On standard error, beside the progress bars, so that standard output stays
	// machine-readable.
	private static void warnOfUnused(Path file, LoadedRecords records) {
		if (!records.unusedColumnsMessage().isEmpty()) {
			System.err.println(file.getFileName() + ": " + records.unusedColumnsMessage());
		}
	}

	record Loaded(LoadedRecords first, @Nullable LoadedRecords second) {

		List<String> truth() {
			List<String> truth = new ArrayList<>(first.truth());
			if (second != null) {
				truth.addAll(second.truth());
			}
			return truth;
		}

		int size() {
			return first.records().size() + (second == null ? 0 : second.records().size());
		}

	}

}
