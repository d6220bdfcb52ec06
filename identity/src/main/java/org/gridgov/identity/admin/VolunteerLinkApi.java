package org.gridgov.identity.admin;

import java.util.Map;
import java.util.UUID;

import org.gridgov.identity.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /internal/users/{username}/volunteer} {@code {"memberId":"…"}}: member-service, when a resident registers
 * themself as a volunteer, so that their token carries the role VOLUNTEER and the claim {@code member} (issue 19).
 * Only with a token of this server carrying the scope {@value #SCOPE} (member-service's client {@code member-accounts}).
 */
@RestController
public record VolunteerLinkApi(UserManagement management) {

    public static final String SCOPE = "users:link";

    @PutMapping("/internal/users/{username}/volunteer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable String username, @RequestBody Map<String, Object> body, @AuthenticationPrincipal Jwt client) {
        Object memberId = body.get("memberId");
        if (!(memberId instanceof String text) || !isUuid(text)) {
            throw new InvalidRequest("memberId", "memberId must be the volunteer's id, a UUID");
        }
        management.linkVolunteer(client.getSubject(), username, UUID.fromString(text).toString());
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
