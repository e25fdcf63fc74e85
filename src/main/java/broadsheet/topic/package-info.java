/**
 * Topics: the subjects that run across sections ("Interest rates", "Northmere elections"), ordered per
 * article, each with its own page.
 */
package broadsheet.topic;
