package care.seamless.referral;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarRepository {

	private static final String SQL_HOLIDAYS = """
			select day from referral.bank_holiday where region = :region
			""";

	private final JdbcClient jdbc;

	CalendarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LocalDate> holidays(String region) {
		return jdbc.sql(SQL_HOLIDAYS).param("region", region).query(LocalDate.class).list();
	}

}
