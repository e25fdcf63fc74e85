package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With no trusted proxies, forwarded headers from the client are ignored: they cannot fake HTTPS or an address. */
@ExtendWith(TestDatabase.class)
class UntrustedProxyHeadersIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with("trusted-proxies", "");

    @Test
    void aForgedProtoDoesNotMakeThePageHttps() {
        var r = app.get("/healthz", "X-Forwarded-Proto", "https");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void signInsAreRecordedWithThePeersOwnAddress() {
        Newsroom.signedIn(app, StaffRole.EDITOR);
        List<String> ips = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT ip FROM audit_log WHERE action = 'signed in'")
                .mapTo(String.class).list());
        assertThat(ips).isNotEmpty().allMatch(ip -> ip.equals("127.0.0.1") || ip.contains(":"));
    }
}
