package org.gridgov.kit.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.gridgov.kit.web.Page;
import org.junit.jupiter.api.Test;

/** Every value of the description gets the bound the API enforces; what the annotations said stays. */
class ApiBoundsTest {

    @Test
    void strings_integers_and_lists_get_the_kits_limits_where_their_annotations_say_nothing() {
        Schema<?> wish = new ObjectSchema()
                .addProperty("id", new UUIDSchema())
                .addProperty("title", new StringSchema().maxLength(100))
                .addProperty("note", new StringSchema())
                .addProperty("status", new StringSchema()._enum(List.of("SUBMITTED", "CLOSED")))
                .addProperty("wantedBy", new StringSchema().format("date-time"))
                .addProperty("rating", new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(5)))
                .addProperty("count", new Schema<>().type("integer"))
                .addProperty("version", new IntegerSchema().format("int64"))
                .addProperty("servedMemberIds", new ArraySchema().items(new UUIDSchema()).maxItems(50))
                .addProperty("tags", new ArraySchema().items(new StringSchema()));
        Schema<?> page = new ObjectSchema().addProperty("items", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Wish")))
                .addProperty("next", new StringSchema());
        Parameter limit = new Parameter().name("limit").in("query").schema(new IntegerSchema());
        Parameter status = new Parameter().name("status").in("query").schema(new StringSchema());
        Parameter key = new Parameter().name("Idempotency-Key").in("header").schema(new StringSchema());
        OpenAPI api = new OpenAPI()
                .components(new Components().schemas(Map.of("Wish", wish, "PageWish", page)))
                .paths(new Paths().addPathItem("/api/wishes", new PathItem().get(new Operation()
                        .parameters(List.of(limit, status, key))
                        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().content(new Content()
                                .addMediaType("application/json", new MediaType().schema(new Schema<>()
                                        .$ref("#/components/schemas/PageWish")))))))));

        new ApiBounds().customise(api);

        Map<String, Schema> fields = wish.getProperties();
        assertThat(fields.get("id").getMaxLength()).isEqualTo(36);
        assertThat(fields.get("title").getMaxLength()).as("@Size(max = 100) stays").isEqualTo(100);
        assertThat(fields.get("note").getMaxLength()).as("no body holds more").isEqualTo(ApiBounds.BODY_BYTES);
        assertThat(fields.get("status").getMaxLength()).as("an enum is bound by its values").isNull();
        assertThat(fields.get("wantedBy").getMaxLength()).isEqualTo(ApiBounds.DATE_TIME);
        assertThat(fields.get("rating").getMaximum()).isEqualByComparingTo("5");
        assertThat(fields.get("count").getMinimum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MIN_VALUE));
        assertThat(fields.get("count").getFormat()).isEqualTo("int64");
        assertThat(fields.get("version").getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(fields.get("servedMemberIds").getMaxItems()).isEqualTo(50);
        assertThat(fields.get("tags").getMaxItems()).isEqualTo(ApiBounds.BODY_BYTES / 2);
        assertThat(((Schema<?>) fields.get("tags").getItems()).getMaxLength()).isEqualTo(ApiBounds.BODY_BYTES);
        assertThat(((Schema<?>) page.getProperties().get("items")).getMaxItems()).as("a page").isEqualTo(Page.MAX_LIMIT);
        assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo("1");
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Page.MAX_LIMIT));
        assertThat(status.getSchema().getMaxLength()).as("a query value fits in the request line").isEqualTo(ApiBounds.REQUEST_LINE);
        assertThat(key.getSchema().getMaxLength()).as("a header fits in the headers").isEqualTo(ApiBounds.HEADERS);
    }

    @Test
    void openapi_31_types_are_recognised() {
        Schema<?> nullableText = new Schema<>().types(new java.util.LinkedHashSet<>(List.of("string", "null")));
        Schema<?> nullableNumber = new Schema<>().types(new java.util.LinkedHashSet<>(List.of("integer", "null"))).format("int32");
        OpenAPI api = new OpenAPI().components(new Components().schemas(Map.of("Thing", new ObjectSchema()
                .addProperty("text", nullableText).addProperty("number", nullableNumber))));

        ApiBounds.applyTo(api);

        assertThat(nullableText.getMaxLength()).isEqualTo(ApiBounds.BODY_BYTES);
        assertThat(nullableNumber.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
    }
}
