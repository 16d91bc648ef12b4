package com.draftorders.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a JWK set, an issuer or a development key, no token is accepted, however it is signed. */
@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.jmx.enabled=false", "spring.main.banner-mode=off"})
class FailClosedTest {

    @LocalServerPort
    int port;

    @Test
    void withoutAnyKeyEveryTokenIsUnauthorized() throws Exception {
        String token = DevTokens.mint(DevTokens.newSecret(), "dev", Scopes.ALL, Duration.ofMinutes(5));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/draft-orders"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }
}
