package care.seamless.discharge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleSetRepository {

	private static final String SQL_COLUMNS = """
			select id, name, legal_basis, valid_from, valid_to, local_agreement, statutory_notices,
			       assessment_notice_max_days_before_admission, discharge_notice_min_days_before_discharge,
			       assessment_period_days, daily_reimbursement, daily_reimbursement_currency, version
			from discharge.rule_set
			""";

	// A local agreement of the partnership wins over the national scheme on the same day;
	// among equals, the one that started last.
	private static final String SQL_IN_FORCE = SQL_COLUMNS + """
			where valid_from <= :day and (valid_to is null or valid_to >= :day)
			order by local_agreement desc, valid_from desc, name
			limit 1
			""";

	private static final String SQL_LOCK = "select id from discharge.rule_set where id = :id for update";

	private static final String SQL_RATES = """
			select id, rule_set_id, valid_from, valid_to, amount, currency, note from discharge.daily_rate
			where rule_set_id = :ruleSet order by valid_from
			""";

	private static final String SQL_INSERT_RATE = """
			insert into discharge.daily_rate (id, rule_set_id, valid_from, valid_to, amount, currency, note, created_by,
			  created_at)
			values (:id, :ruleSet, :from, :to, :amount, 'GBP', :note, :by, :at)
			""";

	private static final String SQL_ALL = SQL_COLUMNS + " order by valid_from, name";

	private static final String SQL_BY_ID = SQL_COLUMNS + " where id = :id";

	private static final String SQL_INSERT = """
			insert into discharge.rule_set (id, name, legal_basis, valid_from, valid_to, local_agreement,
			       statutory_notices, assessment_notice_max_days_before_admission,
			       discharge_notice_min_days_before_discharge, assessment_period_days, daily_reimbursement,
			       daily_reimbursement_currency, created_by, created_at)
			values (:id, :name, :legalBasis, :validFrom, :validTo, true, :statutoryNotices, :assessmentMax,
			        :dischargeMin, :assessmentPeriod, :daily, :currency, :createdBy, :createdAt)
			""";

	private static final String SQL_NAME_TAKEN = """
			select exists (select 1 from discharge.rule_set where name = :name and id is distinct from cast(:id as uuid))
			""";

	// The same test as the rule_set_no_overlap constraint, to name the rule set in the
	// way.
	private static final String SQL_OVERLAPPING = SQL_COLUMNS + """
			where local_agreement = :local and id is distinct from cast(:id as uuid)
			  and daterange(valid_from, valid_to, '[]') && daterange(cast(:from as date), cast(:to as date), '[]')
			order by valid_from
			limit 1
			""";

	private static final String SQL_UPDATE = """
			update discharge.rule_set set name = :name, legal_basis = :legalBasis, valid_from = :validFrom,
			       valid_to = :validTo, statutory_notices = :statutoryNotices,
			       assessment_notice_max_days_before_admission = :assessmentMax,
			       discharge_notice_min_days_before_discharge = :dischargeMin, assessment_period_days = :assessmentPeriod,
			       daily_reimbursement = :daily, daily_reimbursement_currency = :currency, version = version + 1
			where id = :id and version = :version and local_agreement
			""";

	// Admission days in the partnership's calendar, as the rules were chosen by them.
	private static final String SQL_ADMISSIONS = """
			select count(*) as admissions,
			       min((admitted_at at time zone 'Europe/London')::date) as first_day,
			       max((admitted_at at time zone 'Europe/London')::date) as last_day
			from discharge.admission where rule_set_id = :id
			""";

	private final JdbcClient jdbc;

	RuleSetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RuleSet> inForce(LocalDate day) {
		return jdbc.sql(SQL_IN_FORCE).param("day", day).query(RuleSetRepository::map).optional();
	}

	/**
	 * Locks the rule set's row, so two rates added at once cannot both pass the overlap
	 * check.
	 */
	boolean lock(UUID ruleSet) {
		return jdbc.sql(SQL_LOCK).param("id", ruleSet).query(UUID.class).optional().isPresent();
	}

	List<DailyRate> rates(UUID ruleSet) {
		return jdbc.sql(SQL_RATES)
			.param("ruleSet", ruleSet)
			.query((rs, n) -> new DailyRate(rs.getObject("id", UUID.class), rs.getObject("rule_set_id", UUID.class),
					rs.getDate("valid_from").toLocalDate(),
					rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
					rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("note")))
			.list();
	}

	void insertRate(UUID id, UUID ruleSet, LocalDate from, @Nullable LocalDate to, java.math.BigDecimal amount,
			String note, String by, java.time.Instant at) {
		jdbc.sql(SQL_INSERT_RATE)
			.param("id", id)
			.param("ruleSet", ruleSet)
			.param("from", from)
			.param("to", to)
			.param("amount", amount)
			.param("note", note)
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	List<RuleSet> all() {
		return jdbc.sql(SQL_ALL).query(RuleSetRepository::map).list();
	}

	Optional<RuleSet> find(UUID id) {
		return jdbc.sql(SQL_BY_ID).param("id", id).query(RuleSetRepository::map).optional();
	}

	RuleSet byId(UUID id) {
		return jdbc.sql(SQL_BY_ID).param("id", id).query(RuleSetRepository::map).single();
	}

	boolean nameTaken(String name, @Nullable UUID except) {
		return jdbc.sql(SQL_NAME_TAKEN).param("name", name).param("id", except).query(Boolean.class).single();
	}

	Optional<RuleSet> overlapping(boolean localAgreement, LocalDate from, @Nullable LocalDate to,
			@Nullable UUID except) {
		return jdbc.sql(SQL_OVERLAPPING)
			.param("local", localAgreement)
			.param("id", except)
			.param("from", from)
			.param("to", to)
			.query(RuleSetRepository::map)
			.optional();
	}

	/** How many admissions took these rules, and their first and last admission days. */
	record Use(long admissions, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {
	}

	Use use(UUID id) {
		return jdbc.sql(SQL_ADMISSIONS)
			.param("id", id)
			.query((rs, n) -> new Use(rs.getLong("admissions"),
					rs.getDate("first_day") == null ? null : rs.getDate("first_day").toLocalDate(),
					rs.getDate("last_day") == null ? null : rs.getDate("last_day").toLocalDate()))
			.single();
	}

	int update(UUID id, long version, NewRuleSet rules) {
		return jdbc.sql(SQL_UPDATE)
			.param("id", id)
			.param("version", version)
			.param("name", rules.name())
			.param("legalBasis", rules.legalBasis())
			.param("validFrom", rules.validFrom())
			.param("validTo", rules.validTo())
			.param("statutoryNotices", rules.statutoryNotices())
			.param("assessmentMax", rules.statutoryNotices() ? rules.assessmentNoticeMaxDaysBeforeAdmission() : null)
			.param("dischargeMin", rules.statutoryNotices() ? rules.dischargeNoticeMinDaysBeforeDischarge() : null)
			.param("assessmentPeriod", rules.statutoryNotices() ? rules.assessmentPeriodDays() : null)
			.param("daily", rules.statutoryNotices() ? rules.dailyReimbursement() : null)
			.param("currency", rules.statutoryNotices() && rules.dailyReimbursement() != null ? "GBP" : null)
			.update();
	}

	void insert(UUID id, NewRuleSet rules, String createdBy, Instant at) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("name", rules.name())
			.param("legalBasis", rules.legalBasis())
			.param("validFrom", rules.validFrom())
			.param("validTo", rules.validTo())
			.param("statutoryNotices", rules.statutoryNotices())
			.param("assessmentMax", rules.statutoryNotices() ? rules.assessmentNoticeMaxDaysBeforeAdmission() : null)
			.param("dischargeMin", rules.statutoryNotices() ? rules.dischargeNoticeMinDaysBeforeDischarge() : null)
			.param("assessmentPeriod", rules.statutoryNotices() ? rules.assessmentPeriodDays() : null)
			.param("daily", rules.statutoryNotices() ? rules.dailyReimbursement() : null)
			.param("currency", rules.statutoryNotices() && rules.dailyReimbursement() != null ? "GBP" : null)
			.param("createdBy", createdBy)
			.param("createdAt", java.sql.Timestamp.from(at))
			.update();
	}

	private static RuleSet map(ResultSet rs, int n) throws SQLException {
		java.sql.Date to = rs.getDate("valid_to");
		BigDecimal daily = rs.getBigDecimal("daily_reimbursement");
		return new RuleSet(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("legal_basis"),
				rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
				rs.getBoolean("local_agreement"), rs.getBoolean("statutory_notices"),
				rs.getObject("assessment_notice_max_days_before_admission", Integer.class),
				rs.getObject("discharge_notice_min_days_before_discharge", Integer.class),
				rs.getObject("assessment_period_days", Integer.class), daily,
				rs.getString("daily_reimbursement_currency"), rs.getLong("version"));
	}

}
