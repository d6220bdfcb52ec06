package org.gridgov.identity;

import java.io.IOException;
import java.net.URI;

import java.nio.charset.Charset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error the JSON API answers outside its controllers — the container's error page, a request the security
 * firewall refuses, a missing or refused token — as {@code application/problem+json}, like the services' errors.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorsAsProblems {

    /** Tomcat's own refusals as problems too: the host's error report valve is ours ({@link ProblemErrorReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /**
     * A Content-Type naming a charset Java does not know: 415 before any filter tries to decode with it (Spring's
     * path decoding would fail with a 500).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unknownCharsets() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String charset = request.getCharacterEncoding();
                if (charset != null && !supported(charset)) {
                    write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type names an unknown charset.");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

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
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
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
