package broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word matcher: case, accents, obfuscation, whole words, phrases, and the texts it must leave alone. */
class WordMatcherTest {
    private static final WordMatcher MATCHER = new WordMatcher(List.of("idiot", "ass", "penis", "kill yourself", "Crétin", "spic"));

    @ParameterizedTest
    @ValueSource(strings = {"idiot", "You idiot.", "IDIOT!", "Idiot", "ídíót", "ＩＤＩＯＴ", "i.d.i.o.t", "i d i o t", "i. d. i. o. t.",
            "id-iot", "id*iot", "i_d_i_o_t", "(idiot)", "\"idiot\"", "idi\u200Bot", "What an idiot, really"})
    void findsTheWordHoweverItIsWritten(String text) {
        assertThat(MATCHER.find(text)).as(text).hasValue("idiot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "assess", "passage", "bass", "classic", "assassin", "mass-produced", "pass sage", "as sweet",
            "the pen is mightier", "the pen. Is it?", "idiotic", "idiots", "it's pic", "Scunthorpe", "an idea, i otherwise", "", "   "})
    void leavesOtherWordsAlone(String text) {
        assertThat(MATCHER.find(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ass", "a.s.s", "a s s", "hard-ass", "ÄSS", "an ass."})
    void aShortWordStillMatchesAsAWholeWord(String text) {
        assertThat(MATCHER.find(text)).as(text).hasValue("ass");
    }

    @Test
    void accentsInTheListAreFoldedToo() {
        assertThat(MATCHER.find("quel cretin")).hasValue("Crétin");
        assertThat(MATCHER.find("QUEL CRÉTIN")).hasValue("Crétin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill yourself", "Kill   yourself", "kill-yourself", "kill.your.self", "k i l l y o u r s e l f"})
    void aPhraseMatchesWithAnySpacingBetweenItsWords(String text) {
        assertThat(MATCHER.find(text)).as(text).hasValue("kill yourself");
    }

    @Test
    void aPhraseNeedsItsWholeWords() {
        assertThat(MATCHER.find("skill yourselfie")).isEmpty();
        assertThat(MATCHER.find("kill your self-esteem")).isEmpty();
    }

    @Test
    void findsTheFirstEntryInTheTextsOrder() {
        assertThat(MATCHER.find("an ass and an idiot")).hasValue("ass");
        assertThat(MATCHER.find("an idiot and an ass")).hasValue("idiot");
    }

    @Test
    void anEmptyListOrAnEntryWithoutLettersFindsNothing() {
        assertThat(WordMatcher.EMPTY.find("idiot")).isEmpty();
        assertThat(new WordMatcher(List.of("...", " ")).find("... anything")).isEmpty();
        assertThat(MATCHER.find(null)).isEmpty();
    }

    @Test
    void digitsAreLettersOfAWord() {
        var m = new WordMatcher(List.of("b4d"));
        assertThat(m.find("that is b4d")).hasValue("b4d");
        assertThat(m.find("b4dly")).isEmpty();
    }
}
