package broadsheet.web;

import gg.jte.generated.precompiled.shared.JteindexGenerated;
import java.util.List;

/**
 * One page of an alphabetical index (the topics, the writers): its entries, which page it is (from 1),
 * whether another follows, and the index's address without {@code ?page}.
 */
public record IndexView(Site site, Meta meta, String heading, String about, List<Entry> entries, int page, boolean more,
                        String basePath) {
    /** The page that shows an index ({@code shared/index.jte}), for every feature that lists one. */
    public static final Template<IndexView> PAGE = JteindexGenerated::render;

    /** One line of the index. */
    public record Entry(String name, String url, String note) {}

    /** A page of the index at {@code basePath}, titled and described, with its canonical, previous and next links. */
    public static IndexView of(Site site, String heading, String description, String basePath, List<Entry> entries, int page,
                               boolean more) {
        String title = heading + (page > 1 ? " (page " + page + ")" : "") + " | " + site.name();
        Meta meta = Meta.of(title, description, site.absolute(pageUrl(basePath, page)))
                .withPages(page > 1 ? site.absolute(pageUrl(basePath, page - 1)) : null, more ? site.absolute(pageUrl(basePath, page + 1)) : null);
        return new IndexView(site, meta, heading, "", entries, page, more, basePath);
    }

    private static String pageUrl(String basePath, int page) {
        return page <= 1 ? basePath : basePath + "?page=" + page;
    }
}
