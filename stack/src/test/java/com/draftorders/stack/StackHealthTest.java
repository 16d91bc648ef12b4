package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("e2e")
class StackHealthTest {

    private final EmbeddedStack stack = TestStack.shared();

    @Test
    void everyServiceIsUpWithKafkaMongoAndTheRegistryHealthy() throws Exception {
        var http = HttpClient.newHttpClient();
        for (ServiceInstance service : stack.services()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = JsonMapper.builder().build().readTree(response.body());

            assertThat(health.get("status").asString()).as(service.name()).isEqualTo("UP");
            for (String component : new String[] {"kafka", "mongo", "schemaRegistry"}) {
                assertThat(health.get("components").get(component).get("status").asString())
                        .as(service.name() + " " + component)
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void theRegistryIsReady() {
        assertThat(Readiness.httpOk("http://127.0.0.1:" + stack.settings().registryPort() + "/health/ready"))
                .isTrue();
    }
}
