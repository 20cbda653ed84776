package care.seamless.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTests {

	@TempDir
	Path directory;

	@Test
	void readsFebrlStyleFilesWithSpacesCrlfAndNoFinalNewline() throws Exception {
		Path file = write("rec_id, given_name, surname, date_of_birth, state\r\n"
				+ "rec-1-org, anne, smith, 19800102, nsw\r\nrec-1-dup-0, ann, , 19800102, vic");

		LoadedRecords loaded = new RecordReader(Map.of(), Truth.febrl()).read(file);

		assertThat(loaded.records()).hasSize(2);
		Record first = loaded.records().get(0);
		assertThat(first.id()).isEqualTo("rec-1-org");
		assertThat(first.value(Role.GIVEN_NAME)).isEqualTo("anne");
		assertThat(first.values()).doesNotContainKey(Role.ID).hasSize(3);
		assertThat(loaded.records().get(1).values()).doesNotContainKey(Role.FAMILY_NAME);
		assertThat(loaded.truth()).containsExactly("1", "1");
	}

	@Test
	void neverReadsTheTruthColumnAsInput() throws Exception {
		Path file = write("id,first_name,dob,sex,cluster\n1,Rob,1971-06-24,m,7\n");

		LoadedRecords loaded = new RecordReader(Map.of(), Truth.column("sex")).read(file);

		assertThat(loaded.records().get(0).values()).doesNotContainKey(Role.SEX);
		assertThat(loaded.truth()).containsExactly("m");
	}

	@Test
	void ignoresUnknownColumnsAndHonoursExplicitRoles() throws Exception {
		Path file = write("ref,forename_x,born,favourite_colour\nA1,Rob,1971-06-24,blue\n");

		LoadedRecords loaded = new RecordReader(
				RecordReader.parseColumns("id=ref,given_name=forename_x,date_of_birth=born"), Truth.none())
			.read(file);

		Record record = loaded.records().get(0);
		assertThat(record.id()).isEqualTo("A1");
		assertThat(record.values()).containsOnlyKeys(Role.GIVEN_NAME, Role.DATE_OF_BIRTH);
		assertThat(loaded.truth()).isNull();
	}

	@Test
	void refusesToUseTheTruthColumnAsAnExplicitRole() throws Exception {
		Path file = write("id,name,cluster\n1,Rob,7\n");
		RecordReader reader = new RecordReader(RecordReader.parseColumns("given_name=cluster"),
				Truth.column("cluster"));

		assertThatIllegalArgumentException().isThrownBy(() -> reader.read(file));
	}

	@Test
	void recognisesCommonRealHeadersAndSplitsAFullName() throws Exception {
		Path file = write("Patient ID,Full Name,D.O.B.,Post Code,Address Line 1,Town/City,Place of Birth,Gender\n"
				+ "A1,\"Smith, Anne Mary\",1980-01-02,LS1 4AP,12 High St,Leeds,York,F\n"
				+ "A2,Oliver James Jones,1955-07-30,M1 1AA,1 Mill Rd,Manchester,Hull,M\n");

		LoadedRecords loaded = new RecordReader(Map.of(), Truth.none()).read(file);

		Record anne = loaded.records().get(0);
		assertThat(anne.id()).isEqualTo("A1");
		assertThat(anne.values()).containsEntry(Role.GIVEN_NAME, "Anne")
			.containsEntry(Role.FAMILY_NAME, "Smith")
			.containsEntry(Role.DATE_OF_BIRTH, "1980-01-02")
			.containsEntry(Role.POSTCODE, "LS1 4AP")
			.containsEntry(Role.ADDRESS_1, "12 High St")
			.containsEntry(Role.LOCALITY, "Leeds")
			.containsEntry(Role.BIRTH_PLACE, "York")
			.containsEntry(Role.SEX, "F")
			.doesNotContainKey(Role.FULL_NAME);
		assertThat(loaded.records().get(1).values()).containsEntry(Role.GIVEN_NAME, "Oliver")
			.containsEntry(Role.FAMILY_NAME, "Jones");
		assertThat(loaded.unusedColumns()).isEmpty();
	}

	@Test
	void namesTheColumnsItDoesNotUse() throws Exception {
		Path file = write("id,first_name,surname,Favourite colour,Ward\n1,Anne,Smith,blue,3\n");

		LoadedRecords loaded = new RecordReader(Map.of(), Truth.none()).read(file);

		assertThat(loaded.unusedColumns()).containsExactly("Favourite colour", "Ward");
		assertThat(loaded.unusedColumnsMessage()).contains("Favourite colour, Ward").contains("--columns");
	}

	private Path write(String content) throws Exception {
		Path file = directory.resolve("people.csv");
		Files.writeString(file, content);
		return file;
	}

}
