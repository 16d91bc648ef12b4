package com.draftorders.order.web;

import com.draftorders.messaging.testing.OpenApiDocumentTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * order-service serves a valid OpenAPI document, equal to the checked-in {@code order-service/openapi.yaml}, whose security
 * requirements are the ones the filter chain enforces.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=order-service"})
class OpenApiDocumentTest extends OpenApiDocumentTestBase {

    @Override
    protected String module() {
        return "order-service";
    }
}
