package broadsheet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void aOneLineFieldRefusesEveryControlCharacter() {
        assertThat(Texts.hasControl("World news")).isFalse();
        assertThat(Texts.hasControl("Ünïcödé — café 日本")).isFalse();
        assertThat(Texts.hasControl("World\nnews")).isTrue();
        assertThat(Texts.hasControl("World\tnews")).isTrue();
        assertThat(Texts.hasControl("World\u0000news")).isTrue();
        assertThat(Texts.hasControl("World\u007fnews")).isTrue();
    }

    @Test
    void aDescriptionMayBreakLinesButHoldNoOtherControlCharacter() {
        assertThat(Texts.hasControlBesidesLineBreaks("First paragraph.\r\n\r\nSecond,\twith a tab.")).isFalse();
        assertThat(Texts.hasControlBesidesLineBreaks("A bell\u0007")).isTrue();
        assertThat(Texts.hasControlBesidesLineBreaks("A NUL\u0000")).isTrue();
    }

    @Test
    void withoutControlsKeepsTheWordsAndDropsTheRest() {
        assertThat(Texts.withoutControls("  Rus\u0000sia\n")).isEqualTo("Russia");
        assertThat(Texts.withoutControls("War in Ukraine")).isEqualTo("War in Ukraine");
    }

    @Test
    void shortenCutsAtAWordWithAnEllipsis() {
        assertThat(Texts.shorten("The harbour bridge inquiry reports on Monday", 25)).isEqualTo("The harbour bridge\u2026");
        assertThat(Texts.shorten("  Short  ", 25)).isEqualTo("Short");
    }
}
