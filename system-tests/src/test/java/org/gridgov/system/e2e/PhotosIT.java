package org.gridgov.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.gridgov.system.platform.ApiClient;
import org.gridgov.system.platform.ApiResponse;
import org.gridgov.system.platform.SystemPlatform;
import org.gridgov.system.platform.TestCommunity;
import org.gridgov.system.platform.Upload;
import org.gridgov.system.platform.Wishes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A resident's photo of what is wrong, through the gateway: added, seen by the grid's staff, and the
 * refusals a phone app meets — not an image, a photo over 5 MB (the service names the part), a body
 * far over the limit (the gateway refuses it before any service) — each a problem+json.
 */
class PhotosIT {

    @Test
    void a_residents_photo_reaches_the_grid_and_what_is_not_a_photo_or_too_large_is_refused() {
        TestCommunity community = TestCommunity.create(SystemPlatform.shared(), 1, 2);
        TestCommunity.Grid grid = community.grids().get(0);
        Wishes wishes = new Wishes(community);
        String wish = wishes.order("resident-photo", grid.addresses().get(0), "REPAIRS");
        ApiClient resident = community.resident("resident-photo");
        String photos = "/api/wishes/" + wish + "/attachments";

        Upload photo = Upload.photo();
        JsonNode added = resident.upload(photos, photo).expect(201).json();
        assertThat(added.get("contentType").asString()).isEqualTo("image/png");
        JsonNode listed = community.staff(grid).get(photos).expect(200).json().get("items");
        assertThat(listed).hasSize(1);
        ApiResponse read = community.staff(grid).withHeader("Accept", "image/png").get(added.get("url").asString());
        read.expect(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");

        problem(resident.upload(photos, new Upload("file", "x.svg", "image/svg+xml",
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))), 415, "file");
        byte[] large = Arrays.copyOf(photo.bytes(), 5 * 1024 * 1024 + 10);
        problem(resident.upload(photos, new Upload("file", "big.png", "image/png", large)), 413, "file");
        byte[] huge = Arrays.copyOf(photo.bytes(), 7 * 1024 * 1024);
        ApiResponse atTheGateway = resident.upload(photos, new Upload("file", "huge.png", "image/png", huge));
        problem(atTheGateway, 413, null);
        assertThat(atTheGateway.body()).contains("6291456");
        problem(community.resident("resident-photo-stranger").upload(photos, photo), 404, null);

        assertThat(community.staff(grid).get(photos).expect(200).json().get("items")).hasSize(1);
    }

    private static void problem(ApiResponse response, int status, String field) {
        response.expect(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }
}
