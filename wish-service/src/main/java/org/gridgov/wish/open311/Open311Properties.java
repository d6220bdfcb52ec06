package org.gridgov.wish.open311;

import org.gridgov.wish.open311.domain.Open311Refusal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.open311.*}: the public URL of the endpoint (behind the gateway), the
 * {@code jurisdiction_id} this deployment answers to, and whom app developers contact.
 */
@ConfigurationProperties("gridgov.open311")
public record Open311Properties(@DefaultValue("http://localhost:8080/open311/v2") String baseUrl,
                                @DefaultValue("gridgov.local") String jurisdictionId,
                                @DefaultValue("GridGov operators") String contact,
                                @DefaultValue("Ask the district admin to register your app") String keyService) {

    /** The date of this endpoint's last change, as discovery announces it. */
    public static final String CHANGESET = "2026-05-01T00:00:00Z";

    /** One deployment serves one district: any other {@code jurisdiction_id} is the spec's 404. */
    public void requireJurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.strip().equals(jurisdictionId)) {
            throw Open311Refusal.notFound("jurisdiction_id " + given.strip() + " was not found.");
        }
    }
}
