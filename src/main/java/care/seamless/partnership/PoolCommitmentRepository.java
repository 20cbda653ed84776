package care.seamless.partnership;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoolCommitmentRepository {

	private static final String SQL_LINES = """
			select l.id, p.name, l.name, l.financial_year
			from partnership.pool_line l join partnership.partnership p on p.id = l.partnership_id
			where l.financial_year = :year
			order by p.name, l.name
			""";

	private static final String COLUMNS = """
			select c.id, c.line_id, l.name, p.id, p.name, l.financial_year, c.source_id, c.weekly_amount,
			       c.annual_amount, c.committed_on
			from partnership.pool_commitment c
			join partnership.pool_line l on l.id = c.line_id
			join partnership.partnership p on p.id = l.partnership_id
			""";

	private static final String SQL_CURRENT = COLUMNS + """
			where c.source_id = :source and c.ended_at is null
			""";

	private static final String SQL_FOR_YEAR = COLUMNS + """
			where l.partnership_id = :partnership and l.financial_year = :year and c.ended_at is null
			order by l.name, c.committed_on, c.id
			""";

	private static final String SQL_END = """
			update partnership.pool_commitment set ended_at = now() where source_id = :source and ended_at is null
			""";

	private static final String SQL_INSERT = """
			insert into partnership.pool_commitment (id, line_id, source_kind, source_id, weekly_amount, annual_amount,
			       committed_on, recorded_by)
			values (:id, :line, 'PERSONAL_BUDGET', :source, :weekly, :annual, :on, :by)
			""";

	private final JdbcClient jdbc;

	PoolCommitmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PoolLineChoice> lines(int year) {
		return jdbc.sql(SQL_LINES)
			.param("year", year)
			.query((rs, n) -> new PoolLineChoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4)))
			.list();
	}

	Optional<PoolCommitment> current(UUID source) {
		return jdbc.sql(SQL_CURRENT).param("source", source).query(PoolCommitmentRepository::row).optional();
	}

	List<PoolCommitment> forYear(UUID partnership, int year) {
		return jdbc.sql(SQL_FOR_YEAR)
			.param("partnership", partnership)
			.param("year", year)
			.query(PoolCommitmentRepository::row)
			.list();
	}

	void replace(UUID id, UUID line, UUID source, BigDecimal weekly, BigDecimal annual, LocalDate on, AccountId by) {
		jdbc.sql(SQL_END).param("source", source).update();
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("line", line)
			.param("source", source)
			.param("weekly", weekly)
			.param("annual", annual)
			.param("on", Date.valueOf(on))
			.param("by", by.id())
			.update();
	}

	private static PoolCommitment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new PoolCommitment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), rs.getObject(7, UUID.class),
				rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getObject(10, LocalDate.class));
	}

}
