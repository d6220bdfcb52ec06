package org.gridgov.wish.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Photos of a wish: the resident, the grid's staff and the claimer add JPEG or PNG photos; what is
 * kept has none of the metadata that came in (a GPS position says where a resident lives); whoever
 * may see the wish reads them; everything else is refused with a problem naming the part.
 */
class WishPhotosIT extends WishIntegrationTest {

    /** Where the photo was taken, as a phone's camera writes it into EXIF. */
    private static final String GPS = "GPS 31.2304N 121.4737E 太平街5号";

    private static byte[] jpegWithGps() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.ORANGE);
        image.getGraphics().fillRect(8, 8, 32, 16);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // an APP1 "Exif" segment right after the start-of-image marker, as cameras put it
        byte[] payload = ("Exif\0\0" + GPS).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB), "png", png);
        return png.toByteArray();
    }

    private WebTestClient.ResponseSpec upload(String token, UUID wish, String part, byte[] bytes, String key) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part(part, bytes).filename("photo.jpg").contentType(MediaType.IMAGE_JPEG);
        return web.post().uri("/api/wishes/" + wish + "/attachments")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            body.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    private byte[] read(String token, String url) {
        return get(token, url).expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void the_resident_staff_and_claimer_add_photos_kept_without_their_metadata_and_seen_by_who_sees_the_wish()
            throws IOException {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-photo-" + n.community);
        UUID wish = wishAt("CLAIMED", n, resident);
        byte[] photo = jpegWithGps();
        assertThat(new String(photo, StandardCharsets.UTF_8)).contains("GPS 31.2304N");

        JsonNode added = upload(resident, wish, "file", photo, "photo-" + wish).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(added.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(added.get("uploadedByRole").asString()).isEqualTo("RESIDENT");
        String url = added.get("url").asString();
        assertThat(url).isEqualTo("/api/wishes/" + wish + "/attachments/" + added.get("id").asString());
        upload(resident, wish, "file", photo, "photo-" + wish).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");

        byte[] kept = read(staffOf(n.grid), url);
        assertThat(kept).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPS").doesNotContain("Exif");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(kept));
        assertThat(drawn.getWidth()).isEqualTo(64);
        assertThat(drawn.getHeight()).isEqualTo(48);
        assertThat(kept.length).isEqualTo(added.get("size").asInt());

        upload(staffOf(n.grid), wish, "file", png(), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.uploadedByRole").isEqualTo("GRID_STAFF").jsonPath("$.contentType").isEqualTo("image/png");
        upload(unit(n.unitA), wish, "file", png(), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.uploadedByRole").isEqualTo("UNIT");

        JsonNode listed = getJson(unit(n.unitA), "/api/wishes/" + wish + "/attachments").get("items");
        assertThat(listed.valueStream().map(p -> p.get("uploadedByRole").asString()))
                .containsExactly("RESIDENT", "GRID_STAFF", "UNIT");
        assertThat(read(resident, url)).isEqualTo(kept);

        // someone who may not see the wish does not learn it or its photos exist
        get(staffOf(n.otherGrid), url).expectStatus().isNotFound();
        get(resident("r-photo-stranger-" + n.community), "/api/wishes/" + wish + "/attachments").expectStatus().isNotFound();
        get(resident, "/api/wishes/" + wish + "/attachments/" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void what_is_not_a_photo_too_large_missing_or_from_the_wrong_person_is_refused_naming_the_part() throws IOException {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-photo-refused-" + n.community);
        UUID wish = submit(resident, n);

        problem(upload(resident, wish, "file", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), null), 415, "file");
        byte[] truncated = jpegWithGps();
        problem(upload(resident, wish, "file", java.util.Arrays.copyOf(truncated, 200), null), 400, "file");
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(truncated, 0, huge, 0, truncated.length);
        problem(upload(resident, wish, "file", huge, null), 413, "file");
        problem(upload(resident, wish, "photo", png(), null), 400, "file");
        problem(web.post().uri("/api/wishes/" + wish + "/attachments").headers(h -> h.setBearerAuth(resident))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 415, null);
        // a multipart type that names no boundary, and parts cut off before their end
        problem(web.post().uri("/api/wishes/" + wish + "/attachments").headers(h -> h.setBearerAuth(resident))
                .header("Content-Type", "multipart/form-data").bodyValue("{}").exchange(), 400, "Content-Type");
        problem(web.post().uri("/api/wishes/" + wish + "/attachments").headers(h -> h.setBearerAuth(resident))
                .header("Content-Type", "multipart/form-data; boundary=cut")
                .bodyValue("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG")
                .exchange(), 400, null);

        // a unit with no hold on the wish, another resident, another grid's staff
        problem(upload(unit(n.unitA), wish, "file", png(), null), 403, null);
        problem(upload(resident("r-photo-other-" + n.community), wish, "file", png(), null), 404, null);
        problem(upload(staffOf(n.otherGrid), wish, "file", png(), null), 404, null);
        problem(upload(resident, UUID.randomUUID(), "file", png(), null), 404, null);

        assertThat(getJson(resident, "/api/wishes/" + wish + "/attachments").get("items")).isEmpty();
    }
}
