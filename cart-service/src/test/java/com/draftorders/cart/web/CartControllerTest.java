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
import com.draftorders.cart.domain.DiscountCodes;
import com.draftorders.cart.persistence.Carts;
import com.draftorders.messaging.testing.WorkTestbed;
import com.draftorders.messaging.web.ApiExceptionHandler;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import com.draftorders.messaging.work.Address;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /carts/{id}} on a cart the unit of work stored, read back through the same codec. */
class CartControllerTest {

    /** Stores carts whose events were taken already: nothing here maps them to messages. */
    private static final Carts CARTS = new Carts(null, event -> {
        throw new AssertionError("no events expected");
    });

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LOCKED = Instant.parse("2025-01-01T10:05:00Z");

    private static WorkTestbed testbed;
    private static MockMvc mvc;

    @BeforeAll
    static void storeOneLockedCart() {
        testbed = new WorkTestbed("carts", CARTS);
        JsonMapper snakeCase = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(new CartController(testbed.reads, CARTS))
                .setCustomArgumentResolvers(new StoreIdArgumentResolver())
                .setControllerAdvice(new ApiExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(snakeCase))
                .build();
        Cart cart = Cart.create(
                "cart_1",
                "store_a",
                "dorder_1",
                CartType.DRAFT_ORDER,
                2,
                content()
                        .with(line("a").quantity(2).price(1999).discount(AppliedDiscount.percentage("10")))
                        .shipping(495)
                        .shipTo("DE")
                        .build(),
                calculator(),
                DiscountCodes.NONE,
                CREATED);
        cart.lock("dorder_1", 2, 1, LOCKED);
        cart.pullEvents();
        testbed.work.execute(Address.byId(CARTS, "cart_1", "store_a"), null, target -> target.create(cart));
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void anOperatorSeesTheCalculatedCartWithMoneyAsDecimalStrings() throws Exception {
        mvc.perform(get("/carts/cart_1").header("X-Store-Id", "store_a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("cart_1"))
                .andExpect(jsonPath("$.draft_version").value(2))
                .andExpect(jsonPath("$.line_items[0].applied_discount.amount").value("4.00"))
                .andExpect(jsonPath("$.line_items[0].discounted_total").value("35.98"))
                .andExpect(jsonPath("$.line_items[0].tax_lines[0].rate").value("0.19"))
                .andExpect(jsonPath("$.tax_lines[0].price").value("7.78"))
                .andExpect(jsonPath("$.totals.total_price").value("48.71"))
                .andExpect(jsonPath("$.totals.total_quantity").value(2));
    }

    @Test
    void anOperatorSeesWhenTheCartWasCreatedAndLockedAndByWhom() throws Exception {
        mvc.perform(get("/carts/cart_1").header("X-Store-Id", "store_a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.lock.draft_order_id").value("dorder_1"))
                .andExpect(jsonPath("$.lock.attempt").value(1))
                .andExpect(jsonPath("$.lock.locked_at").value("2025-01-01T10:05:00Z"))
                .andExpect(jsonPath("$.created_at").value("2025-01-01T10:00:00Z"))
                .andExpect(jsonPath("$.updated_at").value("2025-01-01T10:05:00Z"));
    }

    @Test
    void anotherStoresCartIsNotFound() throws Exception {
        mvc.perform(get("/carts/cart_1").header("X-Store-Id", "store_b"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/carts/cart_missing").header("X-Store-Id", "store_a")).andExpect(status().isNotFound());
    }
}
