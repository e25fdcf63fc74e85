package broadsheet.section;

import broadsheet.article.ArticleCard;
import broadsheet.content.Section;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.util.List;

/** The home page: the lead story, the next few, then the latest of each section; {@code older} the address of more stories, or null. */
public record FrontView(Site site, Meta meta, ArticleCard lead, List<ArticleCard> top, List<Block> blocks, String older) {
    /** One section's block on the home page. */
    public record Block(Section section, List<ArticleCard> cards) {}
}
