package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The form limit is the operator's to set: with {@code form-kb=8}, a 9 KB sign-in form is refused and a 7 KB one read. */
@ExtendWith(TestDatabase.class)
class FormLimitSettingIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.FORM_KB.key(), "8");

    @Test
    void aFormPastTheConfiguredLimitIsRefusedAndOneWithinItIsRead() {
        assertThat(signIn(9 * 1024).status()).isEqualTo(413);
        // read, and refused for what it says (no form token), not for its size
        assertThat(signIn(7 * 1024).status()).isEqualTo(403);
    }

    private static RawHttp.Answer signIn(int bytes) {
        String form = "email=" + "a".repeat(bytes - 6);
        return RawHttp.exchange(app, "POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n",
                form.getBytes(StandardCharsets.US_ASCII));
    }
}
