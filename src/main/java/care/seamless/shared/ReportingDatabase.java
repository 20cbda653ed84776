package care.seamless.shared;

import javax.sql.DataSource;

/**
 * The database for read-only work whose figures may trail the primary by a replica's lag:
 * the outcomes dashboard and its returns, the discharge report. With
 * {@code seamless.replica.url} set it is a read replica, reached through connections that
 * are read-only themselves; without it, the primary's own DataSource, so a repository's
 * client on it joins the caller's transaction as any other. Writes, and the audit entry
 * that every such read records, always go through the primary: on a replica a report's
 * statements run outside the primary's transaction, each seeing the replica as it is at
 * that moment. ADR 48 says which reads may use it.
 */
public record ReportingDatabase(DataSource dataSource, boolean onReplica) {

}
