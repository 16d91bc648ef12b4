package com.draftorders.messaging.web;

import com.draftorders.messaging.security.BodyTooLargeException;
import com.draftorders.messaging.work.ConcurrentChangeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Renders every refusal and failure as an RFC 9457 problem ({@code application/problem+json}) with {@code status},
 * {@code title}, {@code detail}, a machine-readable {@code code} and, where a field is at fault, {@code errors[]} of
 * {@code {field, reason}} with the field's JSON path: the same in every service. What Spring MVC answers before a
 * controller runs (404, 405, 406, 415, a missing header) is one of them too, and anything unexpected is a 500
 * {@code internal_error} whose detail names no Java class (the log has the rest). Servlet-container errors are
 * rendered the same way by {@link ProblemErrorController} and {@link ProblemErrorReportValve}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** A text that might quote code: a Java type, a package, a stack frame. */
    private static final Pattern CODE_LIKE =
            Pattern.compile("(java|javax|jakarta|org|com|tools|sun)\\.[a-z]|Exception|`|\\bclass\\b|\\$");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        var response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
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
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return refused(StrictJson.refusal(jackson, ""));
            }
        }
        return refused(new ApiException(
                HttpStatus.BAD_REQUEST, "malformed", "the request needs a JSON body (Content-Type: application/json)"));
    }

    /** Other writers changed the resource every time the unit of work wrote it: nothing was done, try again. */
    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChangeException e) {
        return refused(new ApiException(
                        HttpStatus.CONFLICT,
                        "concurrent_change",
                        "the resource kept changing while this request was applied and nothing was done; send it"
                                + " again")
                .withHeader(HttpHeaders.RETRY_AFTER, "1"));
    }

    /** A body without a declared length went past the limit while being read (see BodySizeLimitFilter). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        return refused(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage()));
    }

    /** A path variable or query parameter that cannot be converted to what the route takes. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String field = name == null ? "parameter" : name;
        return refused(new ApiException(
                HttpStatus.BAD_REQUEST,
                "bad_request",
                field + " has a value of the wrong type",
                List.of(new ApiException.FieldError(field, "has a value of the wrong type"))));
    }

    /** What Spring MVC refuses before a controller runs, and anything else: never Spring's default error shape. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
        String contentTypeProblem = e instanceof ErrorResponse ? null : AcceptableAnswers.contentTypeProblem(request);
        if (contentTypeProblem != null) {
            // Spring's functional routes (GraphQL's /graphql) read the Content-Type while looking for the handler,
            // before the interceptor that refuses it, and fail on application/* with an IllegalArgumentException
            return other(new HttpMediaTypeNotSupportedException(contentTypeProblem), request);
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filter's entry point and handler answer these (401/403)
        }
        if (isBadParameters(e)) {
            return refused(new ApiException(HttpStatus.BAD_REQUEST, "bad_request", BAD_PARAMETERS));
        }
        if (!(e instanceof ErrorResponse error)) {
            log.error("Unexpected failure answered with 500 internal_error", e);
            return refused(new ApiException(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "the request failed unexpectedly; nothing may have been changed, and it is safe to send it again"
                            + " with the same Idempotency-Key"));
        }
        HttpStatusCode status = error.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus resolved = known == null ? HttpStatus.BAD_REQUEST : known;
        String detail;
        if (e instanceof NoResourceFoundException) {
            detail = "there is no such resource";
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            var allowed = m.getSupportedHttpMethods();
            detail = "the method " + m.getMethod() + " is not allowed here"
                    + (allowed == null || allowed.isEmpty()
                            ? ""
                            : "; allowed: "
                                    + String.join(
                                            ", ",
                                            allowed.stream()
                                                    .map(Object::toString)
                                                    .toList()));
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            detail = "the body must be JSON, sent with Content-Type: application/json";
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            detail = "the answer is JSON: accept application/json or application/problem+json";
        } else if (e instanceof MissingRequestHeaderException m) {
            detail = "the header " + m.getHeaderName() + " is required";
        } else if (e instanceof MissingServletRequestParameterException m) {
            detail = "the query parameter " + m.getParameterName() + " is required";
        } else {
            detail = safe(error.getBody().getDetail(), resolved);
        }
        var headers = new java.util.LinkedHashMap<String, String>();
        error.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        var problem = new ApiException(resolved, codeOf(resolved), detail);
        for (var header : headers.entrySet()) {
            problem = problem.withHeader(header.getKey(), header.getValue());
        }
        return refused(problem);
    }

    static final String BAD_PARAMETERS =
            "the query string or form body cannot be decoded (invalid percent-encoding" + " or UTF-8)";

    /** Tomcat's refusal of a query string it cannot decode, raised when the parameters are first read. */
    static boolean isBadParameters(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code code} of a status without a more specific one: {@code not_found}, {@code method_not_allowed}, ... */
    public static String codeOf(HttpStatus status) {
        return switch (status) {
            case CONTENT_TOO_LARGE -> "payload_too_large";
            case INTERNAL_SERVER_ERROR -> "internal_error";
            case UNPROCESSABLE_CONTENT -> "invalid";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }

    /** A framework's detail, unless it might quote code; then a plain sentence for the status. */
    static String safe(String detail, HttpStatus status) {
        if (detail == null
                || detail.isBlank()
                || detail.length() > 300
                || CODE_LIKE.matcher(detail).find()) {
            return "the request was refused: " + status.getReasonPhrase().toLowerCase(Locale.ROOT);
        }
        return detail;
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
