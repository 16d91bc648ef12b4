package com.draftorders.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.messaging.testing.WorkTestbed;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.Address;
import com.draftorders.payment.domain.Payment;
import com.draftorders.payment.domain.PaymentCommand;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.persistence.Payments;
import com.draftorders.payment.providers.SystemPaymentProvider;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class PaymentControllerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final PaymentProviders PROVIDERS = PaymentProviders.of(new SystemPaymentProvider());

    private static final Payments PAYMENTS = new Payments();
    private static WorkTestbed testbed;
    private static PaymentController controller;

    @BeforeAll
    static void storeOnePayment() {
        testbed = new WorkTestbed("payments", PAYMENTS);
        Payment payment = Payment.authorize(
                        "store_1",
                        new PaymentCommand.Authorize("pay_1", "k", "dorder_1", 5000, "EUR", "system", null),
                        PROVIDERS,
                        NOW)
                .payment();
        payment.capture(new PaymentCommand.Capture("pay_1", "capture:order_1", "order_1", null), PROVIDERS, NOW);
        payment.refund(new PaymentCommand.Refund("pay_1", "refund:1", 1250, "damaged"), PROVIDERS, NOW);
        testbed.work.execute(Address.byId(PAYMENTS, "pay_1", "store_1"), null, target -> target.create(payment));
        controller = new PaymentController(testbed.reads, PAYMENTS);
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void aPaymentIsShownWithItsMoneyAsDecimalStringsInSnakeCase() {
        PaymentView view = controller.get("pay_1", new StoreId("store_1"));

        JsonNode json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build()
                .valueToTree(view);

        assertThat(json.get("id").asString()).isEqualTo("pay_1");
        assertThat(json.get("draft_order_id").asString()).isEqualTo("dorder_1");
        assertThat(json.get("order_id").asString()).isEqualTo("order_1");
        assertThat(json.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(json.get("amount").asString()).isEqualTo("50.00");
        assertThat(json.get("captured_amount").asString()).isEqualTo("50.00");
        assertThat(json.get("refunded_amount").asString()).isEqualTo("12.50");
        assertThat(json.get("refundable_amount").asString()).isEqualTo("37.50");
        assertThat(json.get("gateway").asString()).isEqualTo("system");
        assertThat(json.get("refunds").get(0).get("amount").asString()).isEqualTo("12.50");
    }

    @Test
    void anotherStoresPaymentIsNotFound() {
        assertThatThrownBy(() -> controller.get("pay_1", new StoreId("store_2")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        assertThatThrownBy(() -> controller.get("pay_404", new StoreId("store_1")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("pay_404");
    }
}
