package com.draftorders.cart.web;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.persistence.CartDocumentMapper;
import com.draftorders.cart.persistence.CartRepository;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.web.ApiExceptionHandler;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class CartControllerTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final CartRepository carts = new CartRepository(
            mongo.template(),
            new OutboxWriter(
                    mongo.template(), new OutboxRelay(mongo.template(), null, List.of(), Duration.ofSeconds(1))));
    private MockMvc mvc;

    @BeforeEach
    void start() {
        JsonMapper snakeCase = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(new CartController(carts))
                .setCustomArgumentResolvers(new StoreIdArgumentResolver())
                .setControllerAdvice(new ApiExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(snakeCase))
                .build();
        Cart cart = Cart.create(
                "cart_1",
                "dorder_1",
                CartType.DRAFT_ORDER,
                2,
                content()
                        .with(line("a").quantity(2).price(1999).discount(AppliedDiscount.percentage("10")))
                        .shipping(495)
                        .shipTo("DE")
                        .build(),
                calculator());
        carts.save(CartDocumentMapper.newDocument(cart, "store_a", Instant.parse("2025-01-01T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void anOperatorSeesTheCalculatedCartWithMoneyAsDecimalStrings() throws Exception {
        mvc.perform(get("/carts/cart_1").header("X-Store-Id", "store_a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("cart_1"))
                .andExpect(jsonPath("$.draft_version").value(2))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.line_items[0].applied_discount.amount").value("4.00"))
                .andExpect(jsonPath("$.line_items[0].discounted_total").value("35.98"))
                .andExpect(jsonPath("$.line_items[0].tax_lines[0].rate").value("0.19"))
                .andExpect(jsonPath("$.tax_lines[0].price").value("7.78"))
                .andExpect(jsonPath("$.totals.total_price").value("48.71"))
                .andExpect(jsonPath("$.totals.total_quantity").value(2));
    }

    @Test
    void anotherStoresCartIsNotFound() throws Exception {
        mvc.perform(get("/carts/cart_1").header("X-Store-Id", "store_b"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/carts/cart_missing").header("X-Store-Id", "store_a")).andExpect(status().isNotFound());
    }
}
