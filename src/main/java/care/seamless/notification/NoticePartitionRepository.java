package care.seamless.notification;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Creates the monthly partitions of the notice tables (V230). */
@Repository
class NoticePartitionRepository {

	/*
	 * Any fixed number will do as long as no other job uses it: the audit partitions and
	 * ShedLock take their own. pg_try_ rather than pg_: a node that finds the lock taken
	 * knows another node is doing the same work now, and need not wait for it.
	 */
	static final long LOCK_KEY = 0x5EA3_1E55_0021_0001L;

	private static final String SQL_TRY_LOCK = "select pg_try_advisory_xact_lock(:key)";

	private static final String SQL_ADD_MONTH = "select notification.add_month_partitions(:month)::text";

	private static final String SQL_MONTHS = """
			select c.relname from pg_inherits i
			join pg_class c on c.oid = i.inhrelid
			join pg_class p on p.oid = i.inhparent
			join pg_namespace s on s.oid = p.relnamespace
			where s.nspname = 'notification' and p.relname = :table
			order by c.relname
			""";

	private final JdbcClient jdbc;

	NoticePartitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Held until the surrounding transaction ends. */
	boolean tryLock() {
		return jdbc.sql(SQL_TRY_LOCK).param("key", LOCK_KEY).query(Boolean.class).single();
	}

	void addMonth(YearMonth month) {
		jdbc.sql(SQL_ADD_MONTH).param("month", Date.valueOf(month.atDay(1))).query(String.class).single();
	}

	/**
	 * The partitions of {@code table}, by name (e.g. notice_y2026m12, notice_default).
	 */
	List<String> partitions(String table) {
		return jdbc.sql(SQL_MONTHS).param("table", table).query(String.class).list();
	}

}
