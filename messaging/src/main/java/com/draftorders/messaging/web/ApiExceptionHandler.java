package com.draftorders.messaging.web;

import com.draftorders.messaging.security.BodyTooLargeException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders refusals as RFC 9457 problems with a {@code code} and field {@code errors}, the same in every service. */
@RestControllerAdvice
public class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        var response = ResponseEntity.status(e.status());
        e.headers().forEach((name, value) -> response.header(name, value));
        return response.body(problem(e.status(), e.code(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        String reason = e.getMostSpecificCause().getMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed",
                        "the body is not valid JSON for this request: " + reason,
                        List.of()));
    }

    /** Other writers changed the resource every time the unit of work wrote it: nothing was done, try again. */
    @ExceptionHandler(com.draftorders.messaging.work.ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrentChange(com.draftorders.messaging.work.ConcurrentChangeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(
                        HttpStatus.CONFLICT,
                        "concurrent_change",
                        "the resource kept changing while this request was applied and nothing was done; send it"
                                + " again",
                        List.of()));
    }

    /** A body without a declared length went past the limit while being read (see BodySizeLimitFilter). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage(), List.of()));
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<ApiException.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
