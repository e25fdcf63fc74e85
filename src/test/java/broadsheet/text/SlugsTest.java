package broadsheet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kremlin: new harbour plan ‘consistent’ with council vision | kremlin-new-harbour-plan-consistent-with-council-vision",
            "Minister’s “red line” on tariffs | ministers-red-line-on-tariffs",
            "Zürich bankers fear a Ærø-style crash | zurich-bankers-fear-a-aero-style-crash",
            "Rates & the pound: what now? | rates-and-the-pound-what-now",
            "  --Already--slugged--  | already-slugged",
            "½ of voters undecided — poll | 1-2-of-voters-undecided-poll",
            "!!! | article"})
    void makesReadableSlugs(String text, String slug) {
        assertThat(Slugs.of(text)).isEqualTo(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"'Our Foreign Staff', our-foreign-staff", "'Interest rates', interest-rates"})
    void namesBecomeSlugsToo(String name, String slug) {
        assertThat(Slugs.of(name)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"'日本', topic, topic", "'東京', section, section", "'Tokyo 東京', topic, tokyo"})
    void aNameWithNothingASlugCanKeepGetsTheFallbackGiven(String name, String fallback, String slug) {
        assertThat(Slugs.of(name, fallback)).isEqualTo(slug);
    }

    @org.junit.jupiter.api.Test
    void longHeadlinesAreCutAtAWord() {
        String slug = Slugs.of("The extraordinarily long and winding headline that goes on and on about the harbour bridge inquiry findings");
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").startsWith("the-extraordinarily-long");
        assertThat(Slugs.isValid(slug)).isTrue();
    }
}
