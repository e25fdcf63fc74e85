/**
 * The few types every feature reads, below all of them: a {@link broadsheet.shared.Page} of results, the
 * {@link broadsheet.shared.AuditLog} and its actor, the signed-in {@link broadsheet.shared.Staff} member and
 * their {@link broadsheet.shared.StaffRole}, {@link broadsheet.shared.Json}, {@link broadsheet.shared.JobRuns}, how a
 * background job's turns went (for {@code /metrics}), and {@link broadsheet.shared.Futures}, waiting for work done on
 * another thread.
 *
 * <p>Words used here: <em>page</em>, one slice of a list, counted (the newsroom's lists) or read one item
 * ahead (the public ones, which never count the archive); <em>actor</em>, who did something, as the audit
 * log and revisions name them: a person, an API token or the system; <em>turn</em>, one run of a background job.
 */
package broadsheet.shared;
