/**
 * The database (pool, JDBI, migrations), the embedded PostgreSQL for installations without one, the change
 * feed that tells every instance about changes, secrets every instance shares, and the file store for
 * pictures. Knows nothing of what the tables mean: each feature's store does.
 *
 * <p>Words used here: <em>embedded</em>, the PostgreSQL this program starts in the data folder when no
 * external database is configured; <em>change feed</em>, PostgreSQL {@code LISTEN/NOTIFY} on one channel, by
 * which a committed change empties every instance's caches; <em>unavailable</em>, a database that cannot be
 * reached just now (answered 503, not 500); <em>blob</em>, a stored file named by a key.
 */
package broadsheet.storage;
