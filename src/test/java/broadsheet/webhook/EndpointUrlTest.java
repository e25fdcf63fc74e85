package broadsheet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/broadsheet", "https://example.com:8443/a?b=c", "HTTPS://EXAMPLE.COM/",
            "http://localhost:9000/hook", "http://127.0.0.1/hook", "http://127.10.0.3:8080/", "http://[::1]:8080/hook",
            "http://LOCALHOST/hook", "  https://padded.example.com/  "})
    void acceptsHttpsAnywhereAndHttpOnlyToThisMachine(String url) {
        assertThat(EndpointUrl.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Enter the address",
            "http://example.com/hook|Plain http:// is allowed only to this machine",
            "http://10.0.0.5/hook|Plain http:// is allowed only to this machine",
            "http://localhost.example.com/hook|Plain http:// is allowed only to this machine",
            "http://128.0.0.1/|Plain http:// is allowed only to this machine",
            "http://[::2]/|Plain http:// is allowed only to this machine",
            "ftp://example.com/file|ftp: addresses cannot receive events",
            "file:///etc/passwd|file: addresses cannot receive events",
            "javascript:alert(1)|javascript: addresses cannot receive events",
            "example.com/hook|an address without one cannot receive events",
            "https://user:secret@example.com/hook|Leave the user name and password out",
            "https://token@example.com/hook|Leave the user name and password out",
            "https:///nohost|has no server name",
            "https://example.com/hook#part|Leave out the part after #",
            "https://exa mple.com/|That is not a web address"})
    void refusesOtherAddressesSayingWhy(String url, String message) {
        assertThat(EndpointUrl.problem(url)).hasValueSatisfying(p -> assertThat(p).contains(message));
    }

    @org.junit.jupiter.api.Test
    void refusesAnAddressLongerThanTheLimit() {
        String base = "https://example.com/";
        assertThat(EndpointUrl.problem(base + "a".repeat(EndpointUrl.MAX_LENGTH - base.length()))).isEmpty();
        assertThat(EndpointUrl.problem(base + "a".repeat(EndpointUrl.MAX_LENGTH - base.length() + 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("at most 2000 characters"));
    }
}
