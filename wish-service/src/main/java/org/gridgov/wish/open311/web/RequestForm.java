package org.gridgov.wish.open311.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The form fields of {@code POST requests} as GeoReport v2 defines them, for the API description
 * only: the controller reads the form itself, field by field ({@code Submission}), as the spec's
 * {@code attribute[code]} fields cannot be bound to a fixed type.
 */
@Schema(name = "Open311RequestForm", description = "A service request, form-encoded (application/x-www-form-urlencoded)."
        + " A location is required: lat and long, address_string or address_id. A service's attributes go as"
        + " attribute[code] fields, e.g. attribute[title] and attribute[wanted_by] (see services/{service_code}.json).")
record RequestForm(
        @Schema(description = "The app's api_key (needs wishes:write)", requiredMode = Schema.RequiredMode.REQUIRED)
        String api_key,
        @Schema(description = "This endpoint's jurisdiction_id (see discovery); optional") String jurisdiction_id,
        @Schema(description = "A wish category, as services.json lists them", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "ELDERLY_CARE") String service_code,
        @Schema(description = "WGS84 latitude; goes with long", minimum = "-90", maximum = "90") Double lat,
        @Schema(name = "long", description = "WGS84 longitude; goes with lat", minimum = "-180", maximum = "180") Double lon,
        @Schema(description = "The address in words; placed in the micro-grid of the household registered there",
                maxLength = 200) String address_string,
        @Schema(description = "A household id of this jurisdiction", format = "uuid") String address_id,
        @Schema(description = "The resident's given name", maxLength = 50) String first_name,
        @Schema(description = "The resident's family name", maxLength = 50) String last_name,
        @Schema(description = "The resident's phone; optional, as in the spec", pattern = "\\+?[0-9][0-9 -]{5,19}")
        String phone,
        @Schema(description = "What is needed; its first line is the title unless attribute[title] is given",
                maxLength = 4000) String description,
        @Schema(description = "A photo or document, an http or https URL", format = "uri", maxLength = 500) String media_url,
        @Schema(name = "attribute[title]", description = "A short title", maxLength = 100) String attribute_title,
        @Schema(name = "attribute[wanted_by]", description = "When help is wanted by: ISO 8601 with a time zone, in the future",
                format = "date-time") String attribute_wanted_by) {
}
