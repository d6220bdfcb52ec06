package org.gridgov.identity;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers itself, before any filter or controller — a header too large, a character the request line may
 * not hold — as {@code application/problem+json} instead of its HTML error page, like every other error of the API.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String slug = status == 400 ? "invalid-request" : status == 404 ? "not-found" : status >= 500 ? "internal-error" : "error";
        String title = status == 400 ? "Bad Request" : status == 404 ? "Not Found" : status >= 500 ? "Internal Server Error" : "Error";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://gridgov.org/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"The server could not read this request.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed meanwhile: nothing more to say
        }
    }

}
