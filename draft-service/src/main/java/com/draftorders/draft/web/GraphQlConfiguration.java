package com.draftorders.draft.web;

import com.draftorders.messaging.security.SecurityProperties;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.KnownStores;
import com.draftorders.messaging.work.ConcurrentChangeException;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.CoercedVariables;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The GraphQL Admin API's plumbing: the scalars, the depth and complexity limits (a query beyond them is answered with
 * an error, never run), the caller of each request ({@link GraphQlCaller}) and how exceptions become GraphQL errors.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    /** Deeper than any query of the schema's types needs (at most 10) and than the introspection query (13). */
    static final int MAX_DEPTH = 15;

    /** Fields per request (each field counts 1, lists not multiplied). */
    static final int MAX_COMPLEXITY = 1000;

    @Bean
    MaxQueryDepthInstrumentation graphQlMaxDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    MaxQueryComplexityInstrumentation graphQlMaxComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
    }

    @Bean
    RuntimeWiringConfigurer graphQlScalars() {
        return wiring -> wiring.scalar(scalar("DateTime", false, GraphQlConfiguration::dateTime))
                .scalar(scalar("Decimal", true, GraphQlConfiguration::decimal))
                .scalar(scalar("Money", true, GraphQlConfiguration::decimal))
                .scalar(scalar("CurrencyCode", false, GraphQlConfiguration::currency))
                .scalar(scalar("URL", false, UnaryOperator.identity()))
                .scalar(scalar("UnsignedInt64", true, GraphQlConfiguration::unsigned))
                .type(
                        "PurchasingEntity",
                        type -> type.typeResolver(env -> env.getSchema()
                                .getObjectType(
                                        ((Map<?, ?>) env.getObject()).containsKey("company")
                                                ? "PurchasingCompany"
                                                : "Customer")));
    }

    @Bean
    WebGraphQlInterceptor graphQlCallers(SecurityProperties security, ObjectProvider<KnownStores> knownStores) {
        return (request, chain) -> {
            GraphQlCaller caller = GraphQlCaller.of(
                    request.getHeaders(), security.enabled(), knownStores.getIfAvailable(() -> store -> true));
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(GraphQlCaller.class, caller)).build());
            return chain.next(request);
        };
    }

    @Bean
    DataFetcherExceptionResolver graphQlProblems() {
        return DataFetcherExceptionResolver.forSingleError(GraphQlConfiguration::error);
    }

    /** The GraphQL error for an exception of a data fetcher; null leaves it to the other resolvers. */
    private static GraphQLError error(Throwable e, DataFetchingEnvironment env) {
        {
            if (e instanceof GraphQlProblem problem) {
                return GraphqlErrorBuilder.newError(env)
                        .errorType(problem.type())
                        .message(problem.getMessage())
                        .extensions(problem.extensions())
                        .build();
            }
            if (e instanceof ApiException api) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("code", api.code().toUpperCase(Locale.ROOT));
                String message = api.getMessage();
                if (!api.errors().isEmpty()) {
                    message = api.errors().stream()
                            .map(f -> f.field() + " " + f.reason())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(message);
                }
                return GraphqlErrorBuilder.newError(env)
                        .errorType(
                                api.status().is5xxServerError()
                                        ? ErrorType.INTERNAL_ERROR
                                        : api.status().value() == 403 ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST)
                        .message(message)
                        .extensions(extensions)
                        .build();
            }
            if (e instanceof ConcurrentChangeException) {
                return GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.BAD_REQUEST)
                        .message("the draft order kept changing while this request was applied and nothing was done;"
                                + " send it again")
                        .extensions(Map.of("code", "CONCURRENT_CHANGE"))
                        .build();
            }
            return null;
        }
    }

    /**
     * A scalar carried as a string: serialized with {@code toString} (numbers too, so amounts keep their scale),
     * accepted as a string (or, for numeric scalars, a number) and normalized by {@code parse}, which throws
     * {@link IllegalArgumentException} for a bad value.
     */
    private static GraphQLScalarType scalar(String name, boolean numeric, UnaryOperator<String> parse) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        return value.toString();
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        boolean ok = input instanceof String || (numeric && input instanceof Number);
                        if (!ok) {
                            throw new CoercingParseValueException(name + " must be a string");
                        }
                        try {
                            return parse.apply(input.toString());
                        } catch (IllegalArgumentException e) {
                            throw new CoercingParseValueException(e.getMessage());
                        }
                    }

                    @Override
                    public Object parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        String text;
                        if (input instanceof StringValue s) {
                            text = s.getValue();
                        } else if (numeric && input instanceof IntValue i) {
                            text = i.getValue().toString();
                        } else if (numeric && input instanceof FloatValue f) {
                            text = f.getValue().toPlainString();
                        } else if (name.equals("CurrencyCode") && input instanceof EnumValue en) {
                            text = en.getName();
                        } else {
                            throw new CoercingParseLiteralException(name + " must be a string");
                        }
                        try {
                            return parse.apply(text);
                        } catch (IllegalArgumentException e) {
                            throw new CoercingParseLiteralException(e.getMessage());
                        }
                    }

                    @Override
                    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                        return StringValue.of(input.toString());
                    }
                })
                .build();
    }

    private static String dateTime(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim()).toString();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(
                        "DateTime must be ISO 8601 such as 2026-12-02T10:00:00Z, not \"" + text + "\"");
            }
        }
    }

    private static String decimal(String text) {
        try {
            return new BigDecimal(text.trim()).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal number such as \"29.99\", not \"" + text + "\"");
        }
    }

    private static String currency(String text) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "CurrencyCode must be an ISO 4217 code such as EUR, not \"" + text + "\"");
        }
        return code;
    }

    private static String unsigned(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Long.toString(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("UnsignedInt64 must be a non-negative integer, not \"" + text + "\"");
        }
    }
}
