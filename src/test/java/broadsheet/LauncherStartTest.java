package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher does before the JVM starts, run from the script's own functions: it learns each Java's version
 * without starting it, and it does not keep a class data sharing archive older than the program.
 */
class LauncherStartTest {
    @TempDir
    Path dir;

    @Test
    void aJavaVersionIsReadFromItsJdksReleaseFileWithoutStartingIt() throws Exception {
        Path java = fakeJava("jdk-23", "JAVA_VERSION=\"23.0.1\"\n");
        Path java8 = fakeJava("jdk-8", "JAVA_VERSION=\"1.8.0_462\"\n");

        assertThat(run("feature_version " + java)).isEqualTo("23");
        assertThat(run("feature_version " + java8)).isEqualTo("8");
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    void aLinkToAJavaIsFollowedToItsJdk() throws Exception {
        Path java = fakeJava("jdk-24", "JAVA_VERSION=\"24.0.2\"\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/bin")).resolve("java"), java);

        assertThat(run("feature_version " + link)).isEqualTo("24");
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    void aJavaWithoutAReleaseFileIsAskedItself() throws Exception {
        Path java = fakeJava("odd", null);

        assertThat(run("feature_version " + java)).isEqualTo("22");
        assertThat(dir.resolve("started")).exists();
    }

    @Test
    void anArchiveOlderThanTheProgramOrALibraryIsDeletedAndANewerOneKept() throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path lib = Files.createDirectories(target.resolve("lib"));
        Path jar = Files.writeString(target.resolve("broadsheet.jar"), "jar");
        Path library = Files.writeString(lib.resolve("a.jar"), "library");
        Path archive = Files.writeString(target.resolve("broadsheet.jsa"), "archive");
        Instant now = Instant.now();
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(library, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(lib, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(archive, FileTime.from(now.minusSeconds(30)));

        run("forget_stale_archive " + archive + " " + jar);
        assertThat(archive).exists();

        Files.setLastModifiedTime(library, FileTime.from(now));
        run("forget_stale_archive " + archive + " " + jar);
        assertThat(archive).doesNotExist();

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(now.minusSeconds(30)));
        Files.setLastModifiedTime(library, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(jar, FileTime.from(now));
        run("forget_stale_archive " + archive + " " + jar);
        assertThat(archive).doesNotExist();
    }

    @Test
    void onJava25OnlyAServerWritesTheAheadOfTimeCacheAndEveryCommandUsesIt() throws Exception {
        Path java = printingJava("jdk-25", "JAVA_VERSION=\"25.0.3\"\n");
        Path launcher = launcherCopy();
        Path cache = dir.resolve("app/target/broadsheet.aot");

        assertThat(launch(launcher, java, "admin")).doesNotContain("AOTCache");
        assertThat(launch(launcher, java, "serve")).contains("-XX:AOTCacheOutput=" + cache).doesNotContain("SharedArchiveFile");
        Files.writeString(cache, "cache");
        assertThat(launch(launcher, java, "admin")).contains("-XX:AOTCache=" + cache);
        assertThat(launch(launcher, java, "serve")).contains("-XX:AOTCache=" + cache).doesNotContain("AOTCacheOutput");
    }

    @Test
    void beforeJava25AServerWritesAClassDataSharingArchive() throws Exception {
        Path java = printingJava("jdk-21", "JAVA_VERSION=\"21.0.8\"\n");
        Path launcher = launcherCopy();

        assertThat(launch(launcher, java, "serve")).contains("-XX:SharedArchiveFile=" + dir.resolve("app/target/broadsheet.jsa"))
                .contains("-XX:+AutoCreateSharedArchive").doesNotContain("AOTCache");
        assertThat(launch(launcher, java, "admin")).doesNotContain("SharedArchiveFile");
    }

    @Test
    void aServerThatFailsOnItsFirstRunLeavesNoCacheAndOneThatRanKeepsIt() throws Exception {
        Path launcher = launcherCopy();
        Path cache = dir.resolve("app/target/broadsheet.aot");
        // a java that writes the cache it is asked for as it ends, then ends with the given status
        Path failing = cacheWritingJava("jdk-25-failing", "exit 1");
        Process p = start(launcher, failing, "serve");
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(cache).doesNotExist();

        Path ending = cacheWritingJava("jdk-25-ending", "exit 0");
        assertThat(start(launcher, ending, "serve").waitFor()).isZero();
        assertThat(cache).exists();
    }

    @Test
    void aStopOfTheRunThatWritesTheCacheIsPassedOnToJavaAndKeepsTheCache() throws Exception {
        Path launcher = launcherCopy();
        Path cache = dir.resolve("app/target/broadsheet.aot");
        Path ready = dir.resolve("ready");
        Path stopped = dir.resolve("stopped");
        // a server that says it is ready, then runs until SIGTERM, when it notes it and ends as the JVM does (143)
        Path serving = cacheWritingJava("jdk-25-serving", "trap 'touch " + stopped + "; exit 143' TERM\ntouch " + ready
                + "\nwhile :; do sleep 0.05; done");
        Process p = start(launcher, serving, "serve");
        while (!Files.exists(ready)) {
            assertThat(p.isAlive()).as("the launcher is running").isTrue();
            Thread.onSpinWait();
        }
        p.destroy(); // SIGTERM to the launcher
        assertThat(p.waitFor()).isEqualTo(143);
        assertThat(stopped).as("java was told to stop").exists();
        assertThat(cache).exists();
    }

    /** A Java 25 that writes the ahead-of-time cache it is asked for, then runs {@code then} (shell lines). */
    private Path cacheWritingJava(String name, String then) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a; do case \"$a\" in -XX:AOTCacheOutput=*) echo cache > \"${a#-XX:AOTCacheOutput=}\";; esac; done\n"
                + then + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        return java;
    }

    private static Process start(Path launcher, Path java, String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("BROADSHEET_JAVA", java.toString());
        pb.environment().remove("BROADSHEET_CDS");
        pb.environment().remove("BROADSHEET_JAVA_OPTS");
        return pb.start();
    }

    /** The launcher in a folder of its own, beside a built program (a jar newer than any source). */
    private Path launcherCopy() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.createDirectories(app.resolve("target/lib"));
        Path launcher = Files.copy(Path.of("broadsheet"), app.resolve("broadsheet"));
        Files.writeString(app.resolve("target/broadsheet.jar"), "jar");
        return launcher;
    }

    /** What the launcher starts java with, for {@code command}. */
    private static String launch(Path launcher, Path java, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), command).redirectErrorStream(true);
        pb.environment().put("BROADSHEET_JAVA", java.toString());
        pb.environment().remove("BROADSHEET_CDS");
        pb.environment().remove("BROADSHEET_JAVA_OPTS");
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(printed).isZero();
        return printed;
    }

    /** A java program that prints its arguments. */
    private Path printingJava(String name, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), release);
        return java;
    }

    /** A java program that notes it was started and says it is Java 22; {@code release} null for none. */
    private Path fakeJava(String name, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch " + dir.resolve("started") + "\necho '    java.specification.version = 22' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) Files.writeString(home.resolve("release"), release);
        return java;
    }

    /** Runs {@code command} after the launcher's functions are defined (and nothing else of the launcher). */
    private static String run(String command) throws IOException, InterruptedException {
        String script = Files.readString(Path.of("broadsheet"), StandardCharsets.UTF_8);
        StringBuilder functions = new StringBuilder();
        Matcher m = Pattern.compile("(?ms)^[a-z_]+\\(\\) \\{.*?^\\}$").matcher(script);
        while (m.find()) functions.append(m.group()).append('\n');
        Process p = new ProcessBuilder("bash", "-c", functions + command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(printed).isZero();
        return printed;
    }
}
