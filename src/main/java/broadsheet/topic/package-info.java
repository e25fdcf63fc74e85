/**
 * Topics: the subjects that run across sections ("Interest rates", "Northmere elections"), ordered per
 * article, each with its own page.
 *
 * <p>Words used here: an <em>earlier address</em> is a slug a topic had before it was changed, or the slug
 * of a topic merged into it, and answers 301 with the topic's page; to <em>merge</em> a topic into another
 * is to give its articles the <em>kept</em> topic and delete it, leaving its address and name leading to the
 * kept one; a <em>merged name</em> is such a name, which then means the kept topic wherever it is typed.
 */
package broadsheet.topic;
