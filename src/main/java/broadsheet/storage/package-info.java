/**
 * The database (pool, JDBI, migrations), the embedded PostgreSQL for installations without one, the
 * change feed that tells every instance about changes, and the file store for pictures.
 */
package broadsheet.storage;
