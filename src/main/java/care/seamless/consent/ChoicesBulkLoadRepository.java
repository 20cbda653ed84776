package care.seamless.consent;

import java.util.function.Consumer;

import javax.sql.DataSource;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** COPY into this module's tables on the connection of the caller's transaction. */
@Repository
class ChoicesBulkLoadRepository {

	private final DataSource dataSource;

	ChoicesBulkLoadRepository(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	long copy(String copySql, Consumer<BulkRows> rows) {
		return BulkRows.copy(DataSourceUtils.getConnection(dataSource), copySql, rows);
	}

	BulkIndexes dropIndexes(java.util.List<String> tables) {
		return BulkIndexes.drop(DataSourceUtils.getConnection(dataSource), tables);
	}

	void analyse(String table) {
		BulkRows.analyse(DataSourceUtils.getConnection(dataSource), table);
	}

}
