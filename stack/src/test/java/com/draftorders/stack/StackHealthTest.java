package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Tag("e2e")
class StackHealthTest {

    private final EmbeddedStack stack = TestStack.shared();

    @Test
    void everyServiceIsUpWithKafkaMongoAndTheRegistryHealthyAsAnOperatorWithATokenSees() {
        for (ServiceInstance service : stack.services()) {
            var response = new Rest(service.url()).get("/actuator/health");
            JsonNode health = response.body();

            assertThat(response.status()).as(service.name()).isEqualTo(200);
            assertThat(health.get("status").asString()).as(service.name()).isEqualTo("UP");
            for (String component : new String[] {"kafka", "mongo", "schemaRegistry"}) {
                assertThat(health.get("components").get(component).get("status").asString())
                        .as(service.name() + " " + component)
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void withoutATokenHealthShowsTheStatusAlone() {
        for (ServiceInstance service : stack.services()) {
            var response = Rest.withToken(service.url(), null).get("/actuator/health");

            assertThat(response.status()).as(service.name()).isEqualTo(200);
            assertThat(response.body().path("status").asString())
                    .as(service.name())
                    .isEqualTo("UP");
            assertThat(response.body().has("components")).as(service.name()).isFalse();
            assertThat(response.body().propertyNames()).as(service.name()).isSubsetOf("status", "groups");
            assertThat(response.raw().body())
                    .doesNotContain(stack.settings().dataDir().toString());
        }
    }

    @Test
    void theRegistryIsReady() {
        assertThat(Readiness.httpOk("http://127.0.0.1:" + stack.settings().registryPort() + "/health/ready"))
                .isTrue();
    }
}
