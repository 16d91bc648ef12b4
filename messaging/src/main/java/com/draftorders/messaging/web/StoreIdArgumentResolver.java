package com.draftorders.messaging.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link StoreId} of a request. Until bearer tokens carry the store (the security issue), it comes from
 * the {@code X-Store-Id} header and defaults to the development store {@code dev}; this is the one place to change.
 */
public class StoreIdArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-Store-Id";
    public static final String DEVELOPMENT_STORE = "dev";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return StoreId.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        String header = webRequest.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return new StoreId(DEVELOPMENT_STORE);
        }
        if (header.length() > 64 || !header.matches("[A-Za-z0-9_-]+")) {
            throw ApiException.invalid(HEADER, "must be 1-64 letters, digits, '-' or '_'");
        }
        return new StoreId(header);
    }
}
