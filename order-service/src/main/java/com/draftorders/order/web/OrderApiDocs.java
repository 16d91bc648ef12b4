package com.draftorders.order.web;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import com.draftorders.messaging.apidocs.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the order API's OpenAPI document cannot read from {@link OrderPaymentController}'s signatures: capture, void
 * and refund answer 202, need an {@code Idempotency-Key}, and mark replayed answers.
 */
@Component
class OrderApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        for (String action : List.of("capture", "void", "refund")) {
            Operation operation = ApiDocs.operation(api, POST, "/orders/{id}/" + action);
            operation.getParameters().stream()
                    .filter(p -> ApiDocs.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.required(true)
                            .description("Required (at most 255 characters): the same key with the same body"
                                    + " answers as the first time and sends no second command; with another body"
                                    + " 422 idempotency_key_reused."));
            ApiDocs.answers(
                            operation,
                            "202",
                            "accepted: what was accepted, under capture, void or refund (status pending, the amount); the"
                                    + " order's payment_status changes once payment-service reports back")
                    .addHeaderObject(
                            ApiDocs.IDEMPOTENT_REPLAYED,
                            ApiDocs.header("true when this answers a repeated Idempotency-Key"));
        }
    }
}
