package broadsheet;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
class SmokeTest { @Test void runsOn21() { assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21); } }
