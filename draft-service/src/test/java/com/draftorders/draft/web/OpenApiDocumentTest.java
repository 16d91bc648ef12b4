package com.draftorders.draft.web;

import com.draftorders.messaging.testing.OpenApiDocumentTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * draft-service serves a valid OpenAPI document, equal to the checked-in {@code draft-service/openapi.yaml}, whose security
 * requirements are the ones the filter chain enforces.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=draft-service"})
class OpenApiDocumentTest extends OpenApiDocumentTestBase {

    @Override
    protected String module() {
        return "draft-service";
    }
}
