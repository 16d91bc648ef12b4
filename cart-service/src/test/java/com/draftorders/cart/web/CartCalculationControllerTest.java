package com.draftorders.cart.web;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.messaging.web.ApiExceptionHandler;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class CartCalculationControllerTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private MockMvc mvc;

    @AfterEach
    void stop() {
        mongo.close();
    }

    @BeforeEach
    void start() {
        JsonMapper snakeCase = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(new CartCalculationController(
                        calculator(),
                        new DiscountCodeStore(mongo.database(), Duration.ofSeconds(5)),
                        Clock.systemUTC()))
                .setCustomArgumentResolvers(new StoreIdArgumentResolver())
                .setControllerAdvice(new ApiExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(snakeCase))
                .build();
    }

    @Test
    void aCartContentIsCalculatedLikeAStoredCartWithoutAnIdOrLock() throws Exception {
        mvc.perform(post("/carts/calculate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR",
                                 "line_items": [{"id": "li_a", "variant_id": "var_a", "title": "Mug", "price": "19.99",
                                   "quantity": 2, "applied_discount": {"value_type": "percentage", "value": "10"}}],
                                 "shipping_line": {"title": "DHL", "price": "4.95"},
                                 "shipping_address": {"country_code": "DE", "city": "Berlin"}}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").doesNotExist())
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.line_items[0].line_item_id").value("li_a"))
                .andExpect(jsonPath("$.line_items[0].applied_discount.amount").value("4.00"))
                .andExpect(jsonPath("$.line_items[0].discounted_total").value("35.98"))
                .andExpect(jsonPath("$.line_items[0].tax_lines[0].rate").value("0.19"))
                .andExpect(jsonPath("$.tax_lines[0].price").value("7.78"))
                .andExpect(jsonPath("$.totals.total_price").value("48.71"))
                .andExpect(jsonPath("$.totals.total_quantity").value(2));
    }

    @Test
    void aTaxExemptCartPaysNoTax() throws Exception {
        mvc.perform(post("/carts/calculate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR", "tax_exempt": true,
                                 "line_items": [{"title": "Gift wrapping", "price": "2.50"}],
                                 "shipping_address": {"country_code": "DE"}}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.line_items[0].custom").value(true))
                .andExpect(jsonPath("$.totals.total_tax").value("0.00"))
                .andExpect(jsonPath("$.totals.total_price").value("2.50"));
    }

    @Test
    void invalidContentIsRefusedWithEveryField() throws Exception {
        mvc.perform(post("/carts/calculate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR",
                                 "line_items": [{"title": "Mug", "price": "1.999", "quantity": 0}],
                                 "applied_discount": {"value_type": "bogus", "value": "1"}}
                                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'line_items[0].price')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'line_items[0].quantity')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'applied_discount.value_type')]")
                        .exists());
    }

    @Test
    void anUnknownCurrencyIsRefused() throws Exception {
        mvc.perform(post("/carts/calculate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currency\": \"XXY\", \"line_items\": []}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
    }
}
