package com.draftorders.cart.web;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.messaging.web.ApiExceptionHandler;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The discount-code admin REST and carts calculated against it, on an in-memory MongoDB server. */
class DiscountCodeControllerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DiscountCodeStore codes = new DiscountCodeStore(mongo.database(), Duration.ofSeconds(5));
    private MockMvc mvc;

    @BeforeEach
    void start() {
        JsonMapper snakeCase = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(
                        new DiscountCodeController(codes, CLOCK),
                        new CartCalculationController(calculator(), codes, CLOCK))
                .setCustomArgumentResolvers(new StoreIdArgumentResolver())
                .setControllerAdvice(new ApiExceptionHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(snakeCase))
                .build();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private ResultActions putCode(String store, String code, String body) throws Exception {
        return mvc.perform(put("/discount-codes/" + code)
                .header("X-Store-Id", store)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static final String SUMMER = """
            {"discount_code": {"title": "Summer sale", "description": "10% off everything",
              "value_type": "percentage", "value": "10", "ends_at": "2026-09-01T00:00:00Z"}}
            """;

    @Test
    void aCodeIsCreatedReadListedReplacedAndDeleted() throws Exception {
        putCode("store_a", "Summer10", SUMMER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.discount_code.code").value("Summer10"))
                .andExpect(jsonPath("$.discount_code.value_type").value("percentage"))
                .andExpect(jsonPath("$.discount_code.value").value("10"))
                .andExpect(jsonPath("$.discount_code.ends_at").value("2026-09-01T00:00:00Z"));

        // codes ignore case: the same code in another case replaces it
        putCode("store_a", "SUMMER10", """
                        {"discount_code": {"title": "Summer sale", "value_type": "fixed_amount", "value": "5.00",
                          "currency": "EUR", "minimum_subtotal": "20.00"}}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discount_code.code").value("SUMMER10"))
                .andExpect(jsonPath("$.discount_code.value").value("5.00"))
                .andExpect(jsonPath("$.discount_code.minimum_subtotal").value("20.00"));

        mvc.perform(get("/discount-codes/summer10").header("X-Store-Id", "store_a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discount_code.value_type").value("fixed_amount"))
                .andExpect(jsonPath("$.discount_code.currency").value("EUR"));
        mvc.perform(get("/discount-codes").header("X-Store-Id", "store_a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discount_codes", hasSize(1)));

        mvc.perform(delete("/discount-codes/Summer10").header("X-Store-Id", "store_a"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/discount-codes/SUMMER10").header("X-Store-Id", "store_a"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/discount-codes/SUMMER10").header("X-Store-Id", "store_a"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherStoresCodesAreInvisibleAndDoNotCollide() throws Exception {
        putCode("store_a", "SUMMER10", SUMMER).andExpect(status().isCreated());

        mvc.perform(get("/discount-codes/SUMMER10").header("X-Store-Id", "store_b"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/discount-codes").header("X-Store-Id", "store_b"))
                .andExpect(jsonPath("$.discount_codes", hasSize(0)));
        mvc.perform(delete("/discount-codes/SUMMER10").header("X-Store-Id", "store_b"))
                .andExpect(status().isNotFound());
        putCode("store_b", "SUMMER10", SUMMER).andExpect(status().isCreated());
    }

    @Test
    void anInvalidRuleIsRefusedWithEveryField() throws Exception {
        putCode("store_a", "BAD CODE!", """
                        {"discount_code": {"title": "", "value_type": "fixed_amount", "value": "5.00",
                          "starts_at": "2026-09-01T00:00:00Z", "ends_at": "2026-08-01T00:00:00Z"}}
                        """)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'discount_code.title')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'discount_code.currency')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'discount_code.ends_at')]")
                        .exists());
        putCode("store_a", "PCT", """
                        {"discount_code": {"title": "Too much", "value_type": "percentage", "value": "101"}}
                        """)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("discount_code.value"));
    }

    @Test
    void aCalculationResolvesTheCallersCodesAndWarnsAboutTheOthers() throws Exception {
        putCode("store_a", "SUMMER10", SUMMER).andExpect(status().isCreated());

        mvc.perform(post("/carts/calculate")
                        .header("X-Store-Id", "store_a")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR", "presentment_currency": "USD", "exchange_rate": "1.0850",
                                 "discount_codes": ["summer10", "BOGUS"],
                                 "line_items": [{"id": "li_a", "title": "Mug", "price": "20.00", "quantity": 2}]}
                                """))
                .andExpect(status().isOk())
                // 4000 - 10% = 3600; USD: 400 -> 434, 3600 -> 3906; 4340 - 434 = 3906
                .andExpect(jsonPath("$.applied_discount_codes[0].code").value("SUMMER10"))
                .andExpect(jsonPath("$.applied_discount_codes[0].title").value("Summer sale"))
                .andExpect(jsonPath("$.applied_discount_codes[0].amount").value("4.00"))
                .andExpect(jsonPath("$.applied_discount_codes[0].amount_set.presentment_money.amount")
                        .value("4.34"))
                .andExpect(jsonPath("$.warnings[0].code").value("discount_code_not_found"))
                .andExpect(jsonPath("$.warnings[0].field").value("discount_codes[1]"))
                .andExpect(jsonPath("$.warnings[0].discount_code").value("BOGUS"))
                .andExpect(jsonPath("$.presentment_currency").value("USD"))
                .andExpect(jsonPath("$.exchange_rate").value("1.0850"))
                .andExpect(jsonPath("$.line_items[0].price_set.presentment_money.amount")
                        .value("21.70"))
                .andExpect(jsonPath("$.totals.total_price").value("36.00"))
                .andExpect(jsonPath("$.totals.total_price_set.shop_money.currency_code")
                        .value("EUR"))
                .andExpect(jsonPath("$.totals.total_price_set.presentment_money.amount")
                        .value("39.06"))
                .andExpect(jsonPath("$.totals.total_price_set.presentment_money.currency_code")
                        .value("USD"));

        // another store has no such code
        mvc.perform(post("/carts/calculate")
                        .header("X-Store-Id", "store_b")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR", "discount_codes": ["SUMMER10"],
                                 "line_items": [{"title": "Mug", "price": "20.00"}]}
                                """))
                .andExpect(jsonPath("$.warnings[0].code").value("discount_code_not_found"))
                .andExpect(jsonPath("$.totals.total_price").value("20.00"));
    }

    @Test
    void anExpiredCodeDoesNotApply() throws Exception {
        putCode("store_a", "OLD", """
                        {"discount_code": {"title": "Old", "value_type": "percentage", "value": "50",
                          "ends_at": "2026-01-01T00:00:00Z"}}
                        """).andExpect(status().isCreated());

        mvc.perform(post("/carts/calculate")
                        .header("X-Store-Id", "store_a")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"currency": "EUR", "discount_codes": ["OLD"],
                                 "line_items": [{"title": "Mug", "price": "20.00"}]}
                                """))
                .andExpect(jsonPath("$.warnings[0].code").value("discount_code_expired"))
                .andExpect(jsonPath("$.totals.total_price").value("20.00"));
    }
}
