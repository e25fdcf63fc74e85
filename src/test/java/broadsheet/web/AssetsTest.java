package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stylesheet as served: comments and indentation gone, every declaration and string as written. */
class AssetsTest {
    @Test
    void aMinifiedStylesheetKeepsItsRulesAndStrings() {
        String css = """
                /* a comment
                   over two lines */
                :root {
                  --serif: "Broadsheet Serif", serif;   /* the font */
                }
                .a::after { content: " (" attr(href) ")"; }
                  .b { margin: 0 auto; }
                """;
        assertThat(Assets.minified(css)).isEqualTo("""
                
                :root {
                --serif: "Broadsheet Serif", serif;
                }
                .a::after { content: " (" attr(href) ")"; }
                .b { margin: 0 auto; }
                """);
    }
}
