package org.gridgov.identity;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error the JSON API answers outside its controllers — the container's error page, a request the security
 * firewall refuses, a missing or refused token — as {@code application/problem+json}, like the services' errors.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorsAsProblems {

    /** A request with a path the firewall refuses (encoded slashes, ";" …): 400, not an empty answer. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> write(response, HttpStatus.BAD_REQUEST, "The request's path is not allowed.");
    }

    /** Writes a problem straight to the response (security filters, before any controller). */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://gridgov.org/problems/" + slug(status) + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case BAD_REQUEST -> "invalid-request";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> "error";
        };
    }

    /** The container's error page (an error outside a controller): a problem with the status it had. */
    @RestController
    static class ErrorPage implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase());
            problem.setType(URI.create("https://gridgov.org/problems/" + slug(status)));
            return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
