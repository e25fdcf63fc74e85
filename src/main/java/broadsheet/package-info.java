/**
 * The entry: the program's {@code main} ({@link broadsheet.Main}), its configuration ({@link broadsheet.Config}),
 * the composition root that builds every part ({@link broadsheet.App}), the one route table
 * ({@link broadsheet.Routes}), the HTTP server's wiring ({@link broadsheet.Server}) and the scheduled jobs.
 * Only this layer (with {@code cli} and {@code demo}) knows every feature; nothing below imports it.
 *
 * <p>Words used here: <em>composition root</em>, the one place where the parts are made and handed to each
 * other; <em>route</em>, an address and method with the role it needs; <em>instance</em>, one running
 * {@code broadsheet serve}, of which a paper may run several on one database.
 */
package broadsheet;
