package org.gridgov.wish.open311.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.wish.open311.domain.Open311App;
import org.gridgov.wish.open311.Open311Properties;
import org.gridgov.wish.open311.Open311Requests;
import org.gridgov.wish.open311.domain.Open311Refusal;
import org.gridgov.wish.open311.domain.RequestQuery;
import org.gridgov.wish.open311.domain.ServiceCatalogue;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under {@code /open311/v2}: the spec's
 * paths with their {@code .json} format suffix (or none), parameters, field names and error list.
 * Callers carry no bearer token: {@code POST requests} and every read of requests authenticate with
 * the app's {@code api_key}; discovery and the service list are public. {@code .xml} answers in the
 * spec's XML documents instead of JSON.
 */
@RestController
@RequestMapping(path = "/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "Civic-issue apps report and follow requests; they become wishes")
@SecurityScheme(name = Open311Controller.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = Open311Controller.API_KEY_HEADER, description = "The app's api_key, issued with its credentials by a"
        + " district admin: in the X-API-Key header, which keeps it out of URLs and access logs; as GeoReport v2 has it,"
        + " the api_key query parameter or form field of POST requests is accepted too")
record Open311Controller(Open311Requests requests, Open311Properties properties, Clock clock) {

    static final String API_KEY = "api_key";
    static final String API_KEY_HEADER = "X-API-Key";

    private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Pattern KNOWN = Pattern.compile("/open311/v2/(discovery|services|requests|tokens)(/[^/]+)?");

    @GetMapping({"/discovery.json", "/discovery.xml", "/discovery"})
    @Operation(operationId = "getOpen311Discovery",
            summary = "Where this endpoint lives, which specification it follows, and in which formats")
    ResponseEntity<Object> discovery(ServerWebExchange exchange) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", properties.baseUrl());
        endpoint.put("changeset", Open311Properties.CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", Open311Properties.CHANGESET);
        discovery.put("contact", properties.contact());
        discovery.put("key_service", properties.keyService());
        // the one jurisdiction_id this endpoint accepts (any other is a 404; leaving it out is fine)
        discovery.put("jurisdiction_id", properties.jurisdictionId());
        discovery.put("endpoints", List.of(endpoint));
        return format(exchange).body(ResponseEntity.ok(), "discovery", discovery);
    }

    @GetMapping({"/services.json", "/services.xml", "/services"})
    @Operation(operationId = "listOpen311Services", summary = "The wish categories as service codes")
    ResponseEntity<Object> services(@RequestParam MultiValueMap<String, String> params, ServerWebExchange exchange) {
        properties.requireJurisdiction(params.getFirst("jurisdiction_id"));
        List<Map<String, Object>> services = ServiceCatalogue.services().stream().map(service -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("service_code", service.code());
            view.put("service_name", service.name());
            view.put("description", service.description());
            view.put("metadata", true);
            view.put("type", "realtime");
            view.put("keywords", String.join(",", service.keywords()));
            view.put("group", service.group());
            return view;
        }).toList();
        return format(exchange).body(ResponseEntity.ok(), "services", services);
    }

    @GetMapping("/services/{file}")
    @Operation(operationId = "getOpen311ServiceDefinition",
            summary = "A service's definition: the attributes a request of it may carry")
    ResponseEntity<Object> definition(@PathVariable String file, @RequestParam MultiValueMap<String, String> params,
                                      ServerWebExchange exchange) {
        String code = Open311Format.strip(file);
        properties.requireJurisdiction(params.getFirst("jurisdiction_id"));
        ServiceCatalogue.Service service = ServiceCatalogue.find(code)
                .orElseThrow(() -> Open311Refusal.notFound("service_code " + code + " was not found."));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", service.code());
        definition.put("attributes", ServiceCatalogue.ATTRIBUTES.stream().map(attribute -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("variable", true);
            view.put("code", attribute.code());
            view.put("datatype", attribute.datatype());
            view.put("required", attribute.required());
            view.put("datatype_description", attribute.datatypeDescription());
            view.put("order", attribute.order());
            view.put("description", attribute.description());
            return view;
        }).toList());
        return format(exchange).body(ResponseEntity.ok(), "service_definition", definition);
    }

    @PostMapping(path = {"/requests.json", "/requests.xml", "/requests"})
    @Operation(operationId = "postOpen311Request",
            summary = "Reports a request (form-encoded, the spec's fields, api_key required); it becomes a wish in SUBMITTED",
            security = @SecurityRequirement(name = API_KEY),
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(implementation = RequestForm.class))))
    Mono<ResponseEntity<Object>> post(ServerWebExchange exchange,
                                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.error(Open311Refusal.badRequest("Send the request's fields as application/x-www-form-urlencoded."));
        }
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> fields = new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap());
            fields.putAll(form.toSingleValueMap());
            properties.requireJurisdiction(fields.get("jurisdiction_id"));
            return requests.app(apiKey(exchange, fields), Open311App.WISHES_WRITE, "create_request")
                    .flatMap(app -> requests.submit(app, fields, key))
                    .map(receipt -> format(exchange).body(ResponseEntity.status(receipt.getStatusCode())
                            .headers(receipt.getHeaders()), "service_requests", receipts(receipt.getBody())));
        });
    }

    @GetMapping({"/requests.json", "/requests.xml", "/requests"})
    @Operation(operationId = "listOpen311Requests",
            summary = "Requests in the app's jurisdiction: service_request_id, service_code, start_date, end_date,"
            + " status, page, page_size, extensions (api_key required)", security = @SecurityRequirement(name = API_KEY))
    Mono<ResponseEntity<Object>> list(@RequestParam MultiValueMap<String, String> params, ServerWebExchange exchange) {
        Map<String, String> fields = readFields(params);
        RequestQuery query = RequestQuery.read(fields, clock.instant());
        return serviceRequests(exchange, fields, Open311App.WISHES_READ, "get_service_requests",
                app -> requests.list(app, query));
    }

    @GetMapping("/requests/{file}")
    @Operation(operationId = "getOpen311Request", summary = "One request by its service_request_id (api_key required)",
            security = @SecurityRequirement(name = API_KEY))
    Mono<ResponseEntity<Object>> find(@PathVariable String file, @RequestParam MultiValueMap<String, String> params,
                                      ServerWebExchange exchange) {
        String id = Open311Format.strip(file);
        Map<String, String> fields = readFields(params);
        boolean extensions = "true".equals(fields.get("extensions"));
        return serviceRequests(exchange, fields, Open311App.WISHES_READ, "get_service_request",
                app -> requests.find(app, id, extensions));
    }

    @GetMapping("/tokens/{file}")
    @Operation(operationId = "getOpen311RequestIdByToken",
            summary = "The service_request_id a token from POST requests stands for (the posting app's api_key)",
            security = @SecurityRequirement(name = API_KEY))
    Mono<ResponseEntity<Object>> token(@PathVariable String file, @RequestParam MultiValueMap<String, String> params,
                                       ServerWebExchange exchange) {
        String token = Open311Format.strip(file);
        Map<String, String> fields = readFields(params);
        return serviceRequests(exchange, fields, Open311App.WISHES_WRITE, "get_service_request_id",
                app -> requests.token(app, token));
    }

    /** A read's parameters, once the jurisdiction they name (if any) is this endpoint's. */
    private Map<String, String> readFields(MultiValueMap<String, String> params) {
        Map<String, String> fields = params.toSingleValueMap();
        properties.requireJurisdiction(fields.get("jurisdiction_id"));
        return fields;
    }

    /** What the app the key names may read with the scope, in the spec's service_requests list. */
    private Mono<ResponseEntity<Object>> serviceRequests(ServerWebExchange exchange, Map<String, String> fields, String scope,
                                                         String action,
                                                         Function<Open311App, Mono<List<Map<String, Object>>>> read) {
        return requests.app(apiKey(exchange, fields), scope, action).flatMap(read)
                .map(found -> format(exchange).body(ResponseEntity.ok(), "service_requests", found));
    }

    /** The app's key: its X-API-Key header, else the spec's api_key parameter or form field. */
    private static String apiKey(ServerWebExchange exchange, Map<String, String> fields) {
        String header = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
        return header != null && !header.isBlank() ? header : fields.get(API_KEY);
    }

    /** Anything else under /open311: the spec's error list rather than problem+json. */
    @RequestMapping("/**")
    @Hidden // not an operation: the catch-all answers 404 or 405 in Open311's format
    Mono<Void> elsewhere(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        String withoutFormat = Open311Format.strip(path);
        if (KNOWN.matcher(withoutFormat).matches()) {
            return Mono.error(new Open311Refusal(405, exchange.getRequest().getMethod() + " is not allowed on " + path + "."));
        }
        return Mono.error(Open311Refusal.notFound("No Open311 endpoint at " + path + "."));
    }

    private static Open311Format format(ServerWebExchange exchange) {
        return Open311Format.of(exchange.getRequest().getPath().value());
    }

    /** The receipts of a post as the spec's fields (a repeat's come back from the idempotency record). */
    private static List<Map<String, Object>> receipts(Open311Requests.Receipt[] receipts) {
        return Arrays.stream(receipts == null ? new Open311Requests.Receipt[0] : receipts).map(receipt -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("service_request_id", receipt.service_request_id());
            view.put("token", receipt.token());
            view.put("service_notice", receipt.service_notice());
            view.put("account_id", receipt.account_id());
            return view;
        }).toList();
    }
}
