/**
 * The paper's settings, which admins change in the newsroom: its name and tagline, what new articles start
 * with, the two-factor policy for editors and admins, and how long an unused session lasts.
 *
 * <p>Words used here: <em>setting</em>, one of those values, stored once for the whole paper; <em>default</em>,
 * what a setting is while no admin has changed it (the paper's name then comes from the configuration);
 * <em>tagline</em>, the line that says what the paper is, for the home page and search engines;
 * <em>idle timeout</em>, the hours after which a session nobody uses ends.
 */
package broadsheet.settings;
