package com.draftorders.draft.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * A request GraphQL cannot answer with data: a missing scope, an unusable argument (a bad {@code query} string or
 * cursor), a service that is unavailable. It becomes an entry of {@code errors} with {@code extensions.code}; business
 * refusals of mutations are {@code userErrors} instead.
 */
final class GraphQlProblem extends RuntimeException {

    private final ErrorType type;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    GraphQlProblem(ErrorType type, String code, String message) {
        super(message, null, false, false);
        this.type = type;
        extensions.put("code", code);
    }

    GraphQlProblem with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    ErrorType type() {
        return type;
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
