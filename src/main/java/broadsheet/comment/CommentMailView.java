package broadsheet.comment;

import broadsheet.web.Meta;
import broadsheet.web.Site;

/**
 * The page the off link of a comment mail opens: a button that turns the mails off (a POST, so a mail scanner
 * that follows the link changes nothing), or what happened, with a link onwards.
 *
 * @param token the mail's token, carried by the button's form; null when the page only says something
 */
public record CommentMailView(Site site, Meta meta, String heading, String text, String formToken, String token, String linkHref,
                              String linkText) {}
