package com.draftorders.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a change whose answer the client would not accept before the change is made: without this a request with
 * {@code Accept: text/html} (or an unreadable {@code Accept}) would be carried out and only then answered 406, so the
 * client would be told "refused" about something that happened. Only for methods that change something; every
 * route answers JSON (or a problem), so {@code application/json}, {@code application/problem+json} and wildcards are
 * acceptable. Likewise a {@code Content-Type} that is not a concrete media type ({@code application/*}, garbage) is
 * refused with 415 before anything reads the body.
 */
public class AcceptableAnswers implements HandlerInterceptor {

    private static final List<MediaType> ANSWERS =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    /** Why the request's {@code Content-Type} cannot be read (not a media type, or not a concrete one), or null. */
    static String contentTypeProblem(HttpServletRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).isConcrete() ? null : "the Content-Type must be concrete";
        } catch (InvalidMediaTypeException e) {
            return "the Content-Type is not a media type";
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        String method = request.getMethod();
        if (!(handler instanceof HandlerMethod)
                || method.equals("GET")
                || method.equals("HEAD")
                || method.equals("OPTIONS")) {
            return true;
        }
        String contentTypeProblem = contentTypeProblem(request);
        if (contentTypeProblem != null) {
            throw new HttpMediaTypeNotSupportedException(contentTypeProblem);
        }
        var accept = request.getHeaders(HttpHeaders.ACCEPT);
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(java.util.Collections.list(accept));
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        if (acceptable.isEmpty()) {
            return true;
        }
        for (MediaType wanted : acceptable) {
            for (MediaType answer : ANSWERS) {
                if (wanted.isCompatibleWith(answer) && wanted.getQualityValue() > 0) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}
