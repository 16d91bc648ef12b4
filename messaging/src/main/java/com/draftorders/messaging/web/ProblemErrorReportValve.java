package com.draftorders.messaging.web;

import com.draftorders.messaging.security.Problems;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what never reaches the application: a request line or path the connector refuses (an
 * encoded NUL, invalid UTF-8, {@code ..%2F}, a line too long) answered as an RFC 9457 problem instead of Tomcat's
 * HTML "HTTP Status 400" page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int value = response.getStatus();
        if (value < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(value);
        if (status == null) {
            status = value >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(
                        status, ApiExceptionHandler.codeOf(status), ProblemErrorController.detailOf(status), null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response cannot be written: nothing more to say
        }
    }
}
