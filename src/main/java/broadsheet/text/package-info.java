/**
 * Words and markup shared by every feature: slugs, shortening, the rule for control characters in typed
 * text, and the one HTML sanitiser every piece of HTML that came from a person goes through.
 *
 * <p>Words used here: <em>slug</em>, the lower-case, hyphenated part of an address made from a name;
 * <em>control character</em>, an invisible character such as a bell or an escape, refused in typed text
 * (line breaks and tabs only where a field has several lines).
 */
package broadsheet.text;
