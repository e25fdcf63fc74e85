/**
 * The commands of the {@code broadsheet} program: serve, demo, import, reindex, config and admin (create an
 * account, reset a password). Each reads its options, builds what it needs through {@code App} or
 * {@link broadsheet.Config#openDatabase}, and answers a person at a terminal: a line of output, or one line
 * per problem naming the file and line.
 *
 * <p>Words used here: <em>data folder</em>, where the embedded database, pictures and the running server's
 * address live ({@code --data}, {@code ./data} by default); <em>beside a running server</em>, a command run on
 * a data folder whose server is up, which then uses that server's embedded database.
 */
package broadsheet.cli;
