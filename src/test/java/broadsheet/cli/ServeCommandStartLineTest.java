package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServeCommandStartLineTest {
    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aStartIsToldFromLaunchInItsParts() {
        String line = ServeCommand.startLine(Optional.of(new ServeCommand.Launch("launch", ms(412))), ms(980), ms(712),
                Optional.of(new Database.OpeningTime(ms(1010), ms(1340))));

        assertThat(line).isEqualTo("Started in 2,104 ms from launch: 412 ms to the serve command (the launcher, the JVM, "
                + "the command line), 980 ms building the site, 712 ms starting the web server and waiting for the database; "
                + "the database opened alongside in 2,350 ms (finding or starting PostgreSQL 1,010 ms, the first connections "
                + "and the migrations check 1,340 ms)");
    }

    @Test
    void fromTheJvmsStartTheLauncherIsNotNamed() {
        String line = ServeCommand.startLine(Optional.of(new ServeCommand.Launch("the JVM's start", ms(300))), ms(900), ms(100),
                Optional.empty());

        assertThat(line).startsWith("Started in 1,300 ms from the JVM's start: 300 ms to the serve command (the JVM, the command line), ");
    }

    @Test
    void theLaunchersMarkIsReadToTheMicrosecondAndAnOddOneIsNotBelieved() {
        Instant now = Instant.parse("2026-12-07T06:00:00Z");
        String mark = now.minusMillis(1234).getEpochSecond() + "." + "766000";

        assertThat(ServeCommand.Launch.of(mark, now)).contains(new ServeCommand.Launch("launch", ms(1234)));
        assertThat(ServeCommand.Launch.of(String.valueOf(now.getEpochSecond() - 2), now))
                .contains(new ServeCommand.Launch("launch", ms(2000)));
        for (String odd : new String[] {null, "", "soon", "1e9", "-5", "12.3.4", String.valueOf(now.getEpochSecond() + 60),
                String.valueOf(now.getEpochSecond() - 7200)}) {
            assertThat(ServeCommand.Launch.of(odd, now)).as(String.valueOf(odd))
                    .hasValueSatisfying(l -> assertThat(l.from()).isEqualTo("the JVM's start"));
        }
    }

    @Test
    void withoutTheLaunchOrTheDatabaseItsTimesTheLineSaysLess() {
        String line = ServeCommand.startLine(Optional.empty(), ms(900), ms(100), Optional.empty());

        assertThat(line).isEqualTo("Started in 1,000 ms from the serve command: 900 ms building the site, "
                + "100 ms starting the web server and waiting for the database");
    }
}
