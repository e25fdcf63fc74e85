package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page rendered through its typed {@link Template} is, to the byte, what jte's precompiled engine renders for the
 * same template by name, escaping included: so the ETags of pages did not change when the names went.
 */
class TemplatesTest {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final Site SITE = new Site("The <Paper> & Co", "“Quoted” tagline's <b>", "https://news.example.test",
            ZoneId.of("Europe/London"), List.of(new Site.NavLink("world", "World & <News>")), "/assets/site.css?v=1");

    @Test
    void theErrorPageIsWhatTheEngineRendersByName() {
        Meta meta = Meta.of("Not <found> | The Paper", "A \"detail\" & more", "https://news.example.test/a?b=1&c=<2>").asNoindex();
        var view = new ErrorView(SITE, meta, 404, "Not <found>", "There is nothing at \"this\" address & <that> one.");
        assertThat(Pages.render(ErrorPages.PAGE, view)).isEqualTo(byName("error/page.jte", view)).contains("<h1>Not &lt;found&gt;</h1>");
    }

    @Test
    void anIndexPageIsWhatTheEngineRendersByName() {
        var view = IndexView.of(SITE, "Writers & <Desks>", "Everyone's \"byline\".", "/authors/",
                List.of(new IndexView.Entry("Ann <Author>", "/authors/ann/?x=1&y=2", "Desk & \"Night\" editor"),
                        new IndexView.Entry("Bob", "javascript:alert(1)", "")), 2, true);
        assertThat(Pages.render(IndexView.PAGE, view)).isEqualTo(byName("shared/index.jte", view)).contains(">Ann &lt;Author&gt;</a>");
    }

    private static String byName(String name, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(name, view, out);
        return out.toString();
    }
}
