package com.draftorders.messaging.web;

import com.draftorders.messaging.security.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}): what the container or a filter refused with
 * {@code sendError} (a path the firewall rejects, an exception no handler caught) is answered as the same RFC 9457
 * problem as every other refusal, instead of Spring Boot's {@code {"timestamp","status","error","path"}}. Written
 * directly, so no {@code Accept} header can turn it into something else.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int value = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        HttpStatus status = HttpStatus.resolve(value);
        if (status == null || value < 400) {
            status = value < 400 ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && ApiExceptionHandler.isBadParameters(t)) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "bad_request", ApiExceptionHandler.BAD_PARAMETERS, null);
            return;
        }
        if (status.is5xxServerError()) {
            log.error(
                    "Request failed with {} before or outside a controller",
                    status.value(),
                    failure instanceof Throwable t ? t : null);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.write(
                response,
                status,
                ApiExceptionHandler.codeOf(status),
                detailOf(status),
                uri instanceof String s && s.length() <= 200 ? s : null);
    }

    /** What a status means when the container answers it: no more is known here. */
    static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST ->
                "the request is malformed: its path, query string or headers are not valid (an encoded NUL, invalid"
                        + " UTF-8, an encoded slash or '..', or a line too long are refused)";
            case NOT_FOUND -> "there is no such resource";
            case METHOD_NOT_ALLOWED -> "the method is not allowed here";
            case CONTENT_TOO_LARGE -> "the request body is too large";
            case URI_TOO_LONG -> "the request line is too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request headers are too large";
            case UNSUPPORTED_MEDIA_TYPE -> "the body must be JSON, sent with Content-Type: application/json";
            case NOT_ACCEPTABLE -> "the answer is JSON: accept application/json or application/problem+json";
            case INTERNAL_SERVER_ERROR ->
                "the request failed unexpectedly; nothing may have been changed, and it is safe to send it again";
            default -> "the request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
