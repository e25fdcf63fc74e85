/**
 * The paper's own pages: about, contact, corrections and complaints, privacy and terms, whose title and text editors
 * write in the newsroom (Markdown, through the one sanitiser, as article bodies), shown at {@code /info/{slug}/} and
 * linked from every page's footer once they have text.
 *
 * <p>Words used here: <em>site page</em>, one of those five pages; <em>kind</em>, which of the five it is (its slug is
 * fixed, its title is the editors'); <em>written</em>, a page with text, which readers see; a page not written yet is
 * not linked and answers 404, since a paper's operator would not want words they never wrote (a privacy notice, terms)
 * published in their name.
 */
package broadsheet.sitepage;
