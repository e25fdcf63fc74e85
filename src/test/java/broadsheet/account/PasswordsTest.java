package broadsheet.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(64, 1);

    @Test
    void theUnmatchableHashHasTheCostOfARealOneAndMatchesNoPassword() {
        String real = passwords.hash("correct horse battery");
        String unmatchable = passwords.unmatchable();
        // the same form and cost, so checking a password against it does the same work as against a real hash
        assertEquals(real.substring(0, real.indexOf("$", "$argon2id$v=19$".length())),
                unmatchable.substring(0, unmatchable.indexOf("$", "$argon2id$v=19$".length())));
        assertEquals(real.split("\\$").length, unmatchable.split("\\$").length);
        assertEquals(real.length(), unmatchable.length());
        assertTrue(passwords.verify("correct horse battery", real));
        for (String guess : new String[] {"", "correct horse battery", "password1234", unmatchable}) {
            assertFalse(passwords.verify(guess, unmatchable), guess);
        }
        assertNotEquals(unmatchable, passwords.unmatchable());
    }
}
