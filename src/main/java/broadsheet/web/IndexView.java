package broadsheet.web;

import java.util.List;

/** An alphabetical index page (all topics, all writers). */
public record IndexView(Site site, Meta meta, String heading, String about, List<Entry> entries) {
    /** One line of the index. */
    public record Entry(String name, String url, String note) {}
}
