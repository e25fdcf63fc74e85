/**
 * The demo newsroom: everything {@code broadsheet demo} needs to show a newcomer a real-looking paper,
 * written from a seed, with no database and no HTTP. Storing the plan is another package's job.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>plan</b> — the sections, topics, contributors and articles of one generated newsroom;</li>
 *   <li><b>seed</b> — the number every choice follows from: the same seed, count and now give the same plan;</li>
 *   <li><b>lexicon</b> — named lists of words and sentence templates, common, per section and per topic;</li>
 *   <li><b>story</b> — one article being written, which keeps its choices of place, subject and people so
 *       headline, standfirst, body and caption agree;</li>
 *   <li><b>pool</b> — the pictures drawn once per plan and shared by its articles;</li>
 *   <li><b>kind</b> and <b>light</b> — what a picture shows (harbour, stadium...) and at what time of day,
 *       which its caption and alt text follow.</li>
 * </ul>
 */
package broadsheet.demo;
