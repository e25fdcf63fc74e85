package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    @Test
    void addressesAndRangesAreTrusted() {
        var p = new TrustedProxies("10.0.0.0/8, 192.168.1.5, 2001:db8::/32");
        assertThat(p.trusted("10.1.2.3")).isTrue();
        assertThat(p.trusted("11.1.2.3")).isFalse();
        assertThat(p.trusted("192.168.1.5")).isTrue();
        assertThat(p.trusted("192.168.1.6")).isFalse();
        assertThat(p.trusted("2001:db8::1")).isTrue();
        assertThat(p.trusted("2001:db9::1")).isFalse();
        assertThat(p.trusted("evil.example")).isFalse();
    }

    @Test
    void nothingIsTrustedByDefault() {
        assertThat(new TrustedProxies("").trusted("127.0.0.1")).isFalse();
    }

    @Test
    void aBadEntryIsNamed() {
        assertThatThrownBy(() -> new TrustedProxies("10.0.0.0/99")).hasMessageContaining("10.0.0.0/99");
        assertThatThrownBy(() -> new TrustedProxies("lb.example.com")).hasMessageContaining("lb.example.com");
    }
}
