package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A key asked for by two instances at once is one key: whichever made it first, both use it. */
@ExtendWith(TestDatabase.class)
class ServerSecretsIT {
    @Test
    void everyInstanceGetsTheSameKeyAndEachNameItsOwn(Jdbi jdbi) {
        var one = new ServerSecrets(jdbi);
        var other = new ServerSecrets(jdbi);

        byte[] key = one.get("form-tokens");

        assertThat(key).hasSize(32);
        assertThat(other.get("form-tokens")).isEqualTo(key);
        assertThat(one.get("form-tokens")).isEqualTo(key);
        assertThat(other.get("something-else")).hasSize(32).isNotEqualTo(key);
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM server_secrets").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(2);
    }
}
