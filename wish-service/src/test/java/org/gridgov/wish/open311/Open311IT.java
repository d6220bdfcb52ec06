package org.gridgov.wish.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** The GeoReport v2 facade, driven with the spec's own request shapes (form-encoded posts, query parameters). */
class Open311IT extends WishIntegrationTest {

    @LocalServerPort
    private int port;

    private static final String SPEC_FIELDS = "[service_request_id, status, status_notes, service_name, service_code,"
            + " description, agency_responsible, service_notice, requested_datetime, updated_datetime, expected_datetime,"
            + " address, address_id, zipcode, lat, long, media_url]";

    @Test
    void discovery_and_services_describe_the_endpoint_and_every_category() {
        JsonNode discovery = open311("/open311/v2/discovery.json").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode services = json(open311("/open311/v2/services.json"));
        JsonNode definition = json(open311("/open311/v2/services/ELDERLY_CARE.json"));

        assertThat(names(discovery)).isEqualTo("[changeset, contact, key_service, jurisdiction_id, endpoints]");
        assertThat(discovery.get("jurisdiction_id").asString()).isNotBlank();
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo("http://localhost:8080/open311/v2");
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        assertThat(endpoint.get("formats").toString()).isEqualTo("[\"application/json\",\"text/xml\"]");

        assertThat(services.size()).isEqualTo(13);
        JsonNode elderly = services.get(0);
        assertThat(names(elderly)).isEqualTo("[service_code, service_name, description, metadata, type, keywords, group]");
        assertThat(elderly.get("service_code").isString()).isTrue();
        assertThat(elderly.get("service_code").asString()).isEqualTo("ELDERLY_CARE");
        assertThat(elderly.get("service_name").asString()).contains("为老服务");
        assertThat(elderly.get("metadata").asBoolean()).isTrue();
        assertThat(elderly.get("type").asString()).isEqualTo("realtime");

        assertThat(definition.get("service_code").asString()).isEqualTo("ELDERLY_CARE");
        JsonNode title = definition.get("attributes").get(0);
        assertThat(names(title)).isEqualTo("[variable, code, datatype, required, datatype_description, order, description]");
        assertThat(title.get("code").asString()).isEqualTo("title");
        assertThat(title.get("datatype").asString()).isEqualTo("string");
        assertThat(title.get("required").asBoolean()).isFalse();
        assertThat(definition.get("attributes").get(1).get("datatype").asString()).isEqualTo("datetime");

        error(open311("/open311/v2/services/PARKING.json"), 404, "service_code PARKING was not found.");
        error(open311("/open311/v2/services.json?jurisdiction_id=elsewhere.gov"), 404, "jurisdiction_id elsewhere.gov was not found.");
        error(open311("/open311/v2/nothing-here.json"), 404, "No Open311 endpoint at /open311/v2/nothing-here.json.");
    }

    @Test
    void a_posted_request_becomes_a_submitted_wish_and_reads_back_with_every_field() {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");
        MultiValueMap<String, String> form = request(app, n.address);
        form.add("first_name", "三丰");
        form.add("last_name", "张");
        form.add("email", "zhang@example.org");
        form.add("attribute[title]", "帮独居老人买菜");
        form.add("media_url", "https://img.example.org/1.jpg");
        form.add("attribute[wanted_by]", "2030-05-01T09:00:00+08:00");

        JsonNode receipt = post(form).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(receipt.isArray()).isTrue();
        assertThat(names(receipt.get(0))).isEqualTo("[service_request_id, token, service_notice, account_id]");
        String id = receipt.get(0).get("service_request_id").asString();
        assertThat(receipt.get(0).get("token").asString()).startsWith("gg_req_");
        assertThat(receipt.get(0).get("service_notice").asString()).startsWith("Received by the grid; it will be dispatched by ");
        assertThat(receipt.get(0).get("account_id").isNull()).isTrue();
        JsonNode wish = getJson(staffOf(n.grid), "/api/wishes/" + id);
        assertThat(wish.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(wish.get("title").asString()).isEqualTo("帮独居老人买菜");
        assertThat(wish.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(Instant.parse(wish.get("wantedBy").asString())).isEqualTo(Instant.parse("2030-05-01T01:00:00Z"));
        assertThat(wish.toString()).contains(PHONE).contains("张三丰");
        assertThat(awaitEvents("org.gridgov.wish.submitted.v1", UUID.fromString(id), 1)).hasSize(1);

        JsonNode request = json(open311("/open311/v2/requests/" + id + ".json?api_key=" + app.apiKey())).get(0);
        assertThat(names(request)).isEqualTo(SPEC_FIELDS);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).startsWith("SUBMITTED");
        assertThat(request.get("service_name").asString()).isEqualTo("为老服务 Elderly care");
        assertThat(request.get("service_code").asString()).isEqualTo("ELDERLY_CARE");
        assertThat(request.get("description").asString()).isEqualTo("每周两次帮忙买菜\n老人腿脚不便");
        assertThat(request.get("agency_responsible").asString()).isEqualTo("太平街社区 第一网格");
        assertThat(request.get("service_notice").isNull()).isTrue();
        Instant requested = OffsetDateTime.parse(request.get("requested_datetime").asString()).toInstant();
        assertThat(requested).isBetween(clock.instant().minusSeconds(120), clock.instant().plusSeconds(5));
        assertThat(request.get("updated_datetime").asString()).isEqualTo(request.get("requested_datetime").asString());
        // ELDERLY_CARE is dispatched within 12 hours
        assertThat(OffsetDateTime.parse(request.get("expected_datetime").asString()).toInstant())
                .isBetween(requested.plusSeconds(12 * 3600 - 2), requested.plusSeconds(12 * 3600 + 2));
        // without the personal-data scope: masked
        assertThat(request.get("address").asString()).endsWith("****").doesNotContain("501");
        assertThat(request.get("address_id").isNull()).isTrue();
        assertThat(request.get("zipcode").isNull()).isTrue();
        assertThat(request.get("lat").isNull()).isTrue();
        assertThat(request.get("long").isNull()).isTrue();
        assertThat(request.get("media_url").asString()).isEqualTo("https://img.example.org/1.jpg");

        JsonNode token = json(open311("/open311/v2/tokens/" + receipt.get(0).get("token").asString() + ".json?api_key=" + app.apiKey()));
        assertThat(token.toString()).isEqualTo("[{\"service_request_id\":\"" + id + "\",\"token\":\""
                + receipt.get(0).get("token").asString() + "\"}]");
    }

    @Test
    void wanted_by_a_plain_date_means_the_end_of_that_day_in_the_communitys_time_zone() {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");

        JsonNode receipt = post(with(request(app, n.address), "attribute[wanted_by]", "2030-05-01"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode wish = getJson(staffOf(n.grid), "/api/wishes/" + receipt.get(0).get("service_request_id").asString());
        assertThat(Instant.parse(wish.get("wantedBy").asString())).isEqualTo(Instant.parse("2030-05-01T15:59:59Z"));
    }

    @Test
    void an_app_with_the_personal_data_scope_sees_the_address_and_exact_coordinates() {
        Neighbourhood n = neighbourhood();
        Apps.Registered hotline = Apps.register(web, n.community, "wishes:write wishes:read wishes:personal-data");
        Apps.Registered dashboard = Apps.register(web, n.community, "wishes:read");
        MultiValueMap<String, String> form = request(hotline, n.address);
        form.add("lat", "29.703512");
        form.add("long", "107.389876");
        String id = post(form).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get(0).get("service_request_id").asString();

        JsonNode clear = json(open311("/open311/v2/requests/" + id + ".json?extensions=true&api_key=" + hotline.apiKey())).get(0);
        JsonNode masked = json(open311("/open311/v2/requests/" + id + ".json?extensions=true&api_key=" + dashboard.apiKey())).get(0);

        assertThat(clear.get("address").asString()).isEqualTo(n.address);
        assertThat(clear.get("lat").asDouble()).isEqualTo(29.703512);
        assertThat(clear.get("long").asDouble()).isEqualTo(107.389876);
        assertThat(clear.get("extended_attributes").get("resident_phone").asString()).isEqualTo(PHONE);
        assertThat(masked.get("address").asString()).isNotEqualTo(n.address).endsWith("****");
        assertThat(masked.get("lat").asDouble()).isEqualTo(29.704);
        assertThat(masked.get("long").asDouble()).isEqualTo(107.39);
        assertThat(masked.get("extended_attributes").get("resident_phone").asString()).isEqualTo("138****5678");
        assertThat(masked.get("extended_attributes").get("personal_data").asString()).isEqualTo("masked");
    }

    @Test
    void coordinates_alone_are_placed_by_the_addresses_given_nearby() {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");
        // unique coordinates per run, far from every other test's
        double lat = 20 + Math.random() * 10;
        double lon = 100 + Math.random() * 10;
        MultiValueMap<String, String> first = request(app, n.otherGridAddress);
        first.add("lat", String.valueOf(lat));
        first.add("long", String.valueOf(lon));
        post(first).expectStatus().isCreated();

        MultiValueMap<String, String> nearby = request(app, null);
        nearby.add("lat", String.valueOf(lat + 0.0005));
        nearby.add("long", String.valueOf(lon - 0.0005));
        String id = post(nearby).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get(0).get("service_request_id").asString();
        MultiValueMap<String, String> faraway = request(app, null);
        faraway.add("lat", String.valueOf(lat + 0.01));
        faraway.add("long", String.valueOf(lon));

        assertThat(getJson(staffOf(n.otherGrid), "/api/wishes/" + id).get("gridId").asString()).isEqualTo(n.otherGrid.toString());
        error(post(faraway), 400, "lat/long could not be placed in a micro-grid: no registered address is known near it;"
                + " send address_string as well.");
    }

    @Test
    void posts_are_refused_with_the_specs_codes_and_descriptions() throws Exception {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.grid, "wishes:write wishes:read");
        Apps.Registered reader = Apps.register(web, n.community, "wishes:read");

        MultiValueMap<String, String> noKey = request(app, n.address);
        noKey.remove("api_key");
        error(post(noKey), 403, "api_key was not provided -- can't proceed with create_request.");
        error(post(with(request(app, n.address), "api_key", "gg_key_guessed")), 403,
                "Invalid api_key received -- can't proceed with create_request.");
        error(post(request(reader, n.address)), 403, "This app was not granted wishes:write -- can't proceed with create_request.");
        error(post(with(request(app, n.address), "service_code", null)), 400, "service_code was not provided.");
        error(post(with(request(app, n.address), "service_code", "POTHOLE")), 404, "service_code POTHOLE was not found.");
        error(post(with(request(app, n.address), "address_string", null)), 400,
                "A location is required: lat and long, address_string or address_id.");
        error(post(with(request(app, n.address), "description", "很".repeat(4001))), 400, "description must be at most 4000 characters.");
        error(post(with(request(app, n.address), "phone", "call me")), 400, "phone is not a phone number.");
        error(post(with(request(app, n.address), "attribute[colour]", "red")), 400,
                "attribute[colour] is not an attribute of this service; see services/{service_code}.json.");
        error(post(with(request(app, n.address), "attribute[wanted_by]", "next week")), 400,
                "attribute[wanted_by] must be a date (2027-01-31, meaning the end of that day) or a date-time with a"
                        + " time zone (2027-01-31T18:00:00+08:00).");
        error(post(with(request(app, n.address), "lat", "29.7")), 400, "lat and long go together.");
        error(post(with(request(app, n.address), "address_string", "不存在的地址1号")), 400,
                "The location could not be placed in a micro-grid: no registered household at that address.");
        error(post(with(request(app, n.address), "jurisdiction_id", "elsewhere.gov")), 404, "jurisdiction_id elsewhere.gov was not found.");
        // the app serves grid 1 only
        error(post(request(app, n.otherGridAddress)), 403, "The location lies outside this app's jurisdiction.");
        error(web.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"service_code\":\"REPAIRS\"}").exchange(), 400,
                "Send the request's fields as application/x-www-form-urlencoded.");
        error(web.delete().uri("/open311/v2/requests.json").exchange(), 405, "DELETE is not allowed on /open311/v2/requests.json.");
        for (String type : new String[] {"garbage", "application/x-www-form-urlencoded, text/plain", ";;"}) {
            assertThat(rawPost(type)).as(type).startsWith("HTTP/1.1 400").contains("[{\"code\":400,\"description\":");
        }
        // phone is optional, as in the spec
        post(with(request(app, n.address), "phone", null)).expectStatus().isCreated();
        // a description of exactly 4000 characters is fine
        post(with(request(app, n.address), "description", "很".repeat(4000))).expectStatus().isCreated();
    }

    @Test
    void the_xml_format_answers_with_the_specs_documents() throws Exception {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");

        Document discovery = xml(open311("/open311/v2/discovery.xml"), 200);
        Document services = xml(open311("/open311/v2/services.xml"), 200);
        Document definition = xml(open311("/open311/v2/services/REPAIRS.xml"), 200);
        Document posted = xml(web.post().uri("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(request(app, n.address))).exchange(), 201);
        String id = xpath(posted, "/service_requests/request/service_request_id");
        Document request = xml(open311("/open311/v2/requests/" + id + ".xml?extensions=true&api_key=" + app.apiKey()), 200);
        Document denied = xml(open311("/open311/v2/requests.xml"), 403);

        assertThat(xpath(discovery, "/discovery/endpoints/endpoint/formats/format[2]")).isEqualTo("text/xml");
        assertThat(xpath(services, "count(/services/service)")).isEqualTo("13");
        assertThat(xpath(services, "/services/service[1]/service_code")).isEqualTo("ELDERLY_CARE");
        assertThat(xpath(definition, "/service_definition/attributes/attribute[2]/code")).isEqualTo("wanted_by");
        assertThat(xpath(posted, "/service_requests/request/token")).startsWith("gg_req_");
        assertThat(xpath(request, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(xpath(request, "/service_requests/request/status")).isEqualTo("open");
        assertThat(xpath(request, "count(/service_requests/request/zipcode)")).isEqualTo("1");
        assertThat(xpath(request, "/service_requests/request/zipcode")).isEmpty();
        assertThat(xpath(request, "/service_requests/request/notes/note[1]/summary")).isEqualTo("Request received");
        assertThat(xpath(denied, "/errors/error/code")).isEqualTo("403");
        assertThat(xpath(denied, "/errors/error/description"))
                .isEqualTo("api_key was not provided -- can't proceed with get_service_requests.");
    }

    @Test
    void an_app_revoked_or_given_a_new_key_in_apps_service_loses_its_old_key_at_once() throws Exception {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");
        Apps.Registered other = Apps.register(web, n.community, "wishes:read");
        String newKey = "gg_key_" + UUID.randomUUID() + UUID.randomUUID();

        json(open311("/open311/v2/requests.json?api_key=" + app.apiKey()));
        Neighbourhood.appRevoked(app.id());
        Neighbourhood.appCredentialsIssued(other.id(), List.of("wishes:read"), n.community, sha256(newKey));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Apps.known(web, app.apiKey()) && !Apps.known(web, other.apiKey()));
        error(open311("/open311/v2/requests.json?api_key=" + app.apiKey()), 403,
                "Invalid api_key received -- can't proceed with get_service_requests.");
        json(open311("/open311/v2/requests.json?api_key=" + newKey));
    }

    @Test
    void a_repeated_post_with_the_same_idempotency_key_creates_one_wish() {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");

        String first = post(request(app, n.address), "open311-once").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("service_request_id").asString();
        String again = post(request(app, n.address), "open311-once").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("service_request_id").asString();

        assertThat(again).isEqualTo(first);
        assertThat(json(open311("/open311/v2/requests.json?api_key=" + app.apiKey())).size()).isEqualTo(1);
    }

    @Test
    void requests_are_listed_with_the_specs_filters_pages_and_history_notes() {
        Neighbourhood n = neighbourhood();
        Apps.Registered app = Apps.register(web, n.community, "wishes:write wishes:read");
        Apps.Registered elsewhere = Apps.register(web, n.otherCommunity, "wishes:read");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post(with(request(app, n.address), "service_code", i == 2 ? "REPAIRS" : "ELDERLY_CARE"))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get(0).get("service_request_id").asString());
        }
        command(staffOf(n.grid), UUID.fromString(ids.get(0)), "reject", "{\"reason\":\"属于物业维修范围\"}").expectStatus().isOk();
        String key = "&api_key=" + app.apiKey();

        JsonNode all = json(open311("/open311/v2/requests.json?" + key));
        JsonNode closed = json(open311("/open311/v2/requests.json?status=closed" + key));
        JsonNode open = json(open311("/open311/v2/requests.json?status=open&service_code=ELDERLY_CARE" + key));
        JsonNode both = json(open311("/open311/v2/requests.json?status=open,closed&service_code=ELDERLY_CARE,REPAIRS" + key));
        JsonNode byIds = json(open311("/open311/v2/requests.json?service_request_id=" + ids.get(0) + "," + ids.get(2)
                + ",not-an-id&status=open" + key));
        JsonNode page2 = json(open311("/open311/v2/requests.json?page=2&page_size=2" + key));
        JsonNode past = json(open311("/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z" + key));
        JsonNode withNotes = json(open311("/open311/v2/requests.json?service_request_id=" + ids.get(0) + "&extensions=true" + key));

        assertThat(ids(all)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(closed)).containsExactly(ids.get(0));
        assertThat(closed.get(0).get("status").asString()).isEqualTo("closed");
        assertThat(closed.get(0).get("status_notes").asString()).isEqualTo("REJECTED by the grid: 属于物业维修范围");
        assertThat(closed.get(0).get("expected_datetime").isNull()).isTrue();
        assertThat(ids(open)).containsExactly(ids.get(1));
        assertThat(ids(both)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        // service_request_id overrides every other filter
        assertThat(ids(byIds)).containsExactly(ids.get(2), ids.get(0));
        assertThat(ids(page2)).containsExactly(ids.get(0));
        assertThat(past.size()).isZero();
        JsonNode notes = withNotes.get(0).get("notes");
        assertThat(notes.size()).isEqualTo(2);
        assertThat(names(notes.get(1))).isEqualTo("[datetime, summary, description, type, status]");
        assertThat(notes.get(0).get("summary").asString()).isEqualTo("Request received");
        assertThat(notes.get(1).get("summary").asString()).isEqualTo("Rejected by the grid");
        assertThat(notes.get(1).get("description").asString()).isEqualTo("属于物业维修范围");
        assertThat(notes.get(1).get("status").asString()).isEqualTo("closed");
        assertThat(withNotes.get(0).get("extended_attributes").get("gridgov_status").asString()).isEqualTo("REJECTED");
        assertThat(all.get(0).has("notes")).isFalse();

        // another community's app sees none of them, and cannot tell they exist
        assertThat(json(open311("/open311/v2/requests.json?api_key=" + elsewhere.apiKey())).size()).isZero();
        error(open311("/open311/v2/requests/" + ids.get(1) + ".json?api_key=" + elsewhere.apiKey()), 404,
                "service_request_id " + ids.get(1) + " was not found.");

        error(open311("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z" + key), 400,
                "start_date and end_date may be at most 90 days apart.");
        error(open311("/open311/v2/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-01-01T00:00:00Z" + key), 400,
                "start_date must not be after end_date.");
        error(open311("/open311/v2/requests.json?start_date=yesterday" + key), 400,
                "yesterday is not an ISO 8601 time with a time zone (e.g. 2026-05-01T09:00:00+08:00).");
        error(open311("/open311/v2/requests.json?status=pending" + key), 400,
                "status must be open or closed (comma-separated for both), not pending.");
        error(open311("/open311/v2/requests.json?page_size=1000" + key), 400, "page_size must be a whole number from 1 to 200.");
        error(open311("/open311/v2/requests.json?service_code=PARKING" + key), 400, "service_code PARKING was not found.");
        error(open311("/open311/v2/requests.json"), 403, "api_key was not provided -- can't proceed with get_service_requests.");
        error(open311("/open311/v2/requests/" + UUID.randomUUID() + ".json?api_key=" + app.apiKey()), 404, null);
        error(open311("/open311/v2/tokens/gg_req_unknown.json?api_key=" + app.apiKey()), 404, "token gg_req_unknown was not found.");
    }

    // --- the spec's shapes ---

    private MultiValueMap<String, String> request(Apps.Registered app, String address) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", app.apiKey());
        form.add("service_code", "ELDERLY_CARE");
        if (address != null) {
            form.add("address_string", address);
        }
        form.add("phone", PHONE);
        form.add("description", "每周两次帮忙买菜\n老人腿脚不便");
        return form;
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String name, String value) {
        form.remove(name);
        if (value != null) {
            form.add(name, value);
        }
        return form;
    }

    private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
        return post(form, null);
    }

    private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form, String idempotencyKey) {
        return web.post().uri("/open311/v2/requests.json")
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private static String sha256(String key) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private WebTestClient.ResponseSpec open311(String path) {
        return web.get().uri(path).exchange();
    }

    /** A form post with this Content-Type header as written (an HTTP client refuses a malformed one), read to its end. */
    private String rawPost(String contentType) throws Exception {
        String body = "service_code=REPAIRS";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /open311/v2/requests.json HTTP/1.1\r\nHost: wish\r\nConnection: close\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The spec's error list: one error with the HTTP status as its code. */
    private static void error(WebTestClient.ResponseSpec response, int status, String description) {
        JsonNode errors = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.size()).isEqualTo(1);
        assertThat(names(errors.get(0))).isEqualTo("[code, description]");
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        if (description != null) {
            assertThat(errors.get(0).get("description").asString()).isEqualTo(description);
        }
    }

    private static Document xml(WebTestClient.ResponseSpec response, int status) throws Exception {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody().returnResult().getResponseBody();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static String xpath(Document document, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, document);
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> ids.add(request.get("service_request_id").asString()));
        return ids;
    }

    private static String names(JsonNode object) {
        return object.propertyNames().toString();
    }
}
