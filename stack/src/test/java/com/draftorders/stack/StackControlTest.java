package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.DevTokens;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stack.jar token} mints a token with the running stack's key; {@code stack.jar stop} stops that stack. */
class StackControlTest {

    record Answer(int exit, String out, String err) {}

    static Answer run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = StackControl.run(args, o, e);
            return new Answer(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTokenForAnyStoreAndScopesIsSignedWithTheKeyTheStackKeepsInItsDataDirectory(@TempDir Path dir)
            throws Exception {
        String secret = DevTokens.newSecret();
        StackControl.rememberDevSecret(StackSettings.defaults(dir)
                .with(java.util.List.of("--dev-secret=" + secret), new java.util.ArrayList<>()));

        Answer answer = run("token", "--data-dir=" + dir, "--store=acme", "--scopes=read_draft_orders");

        assertThat(answer.exit()).isZero();
        SignedJWT jwt = SignedJWT.parse(answer.out().trim());
        assertThat(jwt.verify(new MACVerifier(DevTokens.key(secret)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("store_id")).isEqualTo("acme");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("read_draft_orders");
        assertThat(Files.getPosixFilePermissions(dir.resolve(StackControl.DEV_SECRET_FILE)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void aTokenWithoutARunningStackSaysWhereItLooked(@TempDir Path dir) {
        Answer answer = run("token", "--data-dir=" + dir);

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("no development key in " + dir.toAbsolutePath());
    }

    @Test
    void anUnknownScopeIsRefused(@TempDir Path dir) {
        Answer answer = run("token", "--data-dir=" + dir, "--scopes=read_everything");

        assertThat(answer.exit()).isEqualTo(2);
        assertThat(answer.err()).contains("unknown scope(s) [read_everything]");
    }

    @Test
    void stopEndsTheProcessThePidFileNames(@TempDir Path dir) throws Exception {
        Process background = new ProcessBuilder("sleep", "300").start();
        try {
            ProcessHandle handle = background.toHandle();
            Files.writeString(
                    dir.resolve(StackControl.PID_FILE),
                    handle.pid() + " " + handle.info().startInstant().orElseThrow() + "\n");

            Answer answer = run("stop", "--data-dir=" + dir);

            assertThat(answer.exit()).isZero();
            assertThat(answer.out()).contains("pid " + handle.pid()).endsWith("stopped" + System.lineSeparator());
            assertThat(background.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            background.destroyForcibly();
        }
    }

    @Test
    void stopLeavesAProcessAloneThatOnlyReusedThePid(@TempDir Path dir) throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(dir.resolve(StackControl.PID_FILE), unrelated.pid() + " 2020-01-01T00:00:00Z\n");

            Answer answer = run("stop", "--data-dir=" + dir);

            assertThat(answer.exit()).isEqualTo(1);
            assertThat(answer.err()).contains("no stack is running on");
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void stopWithoutAStackSaysSo(@TempDir Path dir) {
        Answer answer = run("stop", "--data-dir=" + dir);

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("no stack is running on " + dir.toAbsolutePath());
    }
}
