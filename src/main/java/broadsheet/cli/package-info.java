/** The commands of the {@code broadsheet} program: serve, demo, import, reindex, config. */
package broadsheet.cli;
