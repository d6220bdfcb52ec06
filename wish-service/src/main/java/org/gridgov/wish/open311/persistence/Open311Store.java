package org.gridgov.wish.open311.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What Open311 requests carried beyond their wishes (table {@code open311_request}). */
@Component
public record Open311Store(DatabaseClient db) {

    /** How far a request given only by coordinates may lie from one placed by its address to share its micro-grid. */
    private static final double NEAR_METRES = 150;
    private static final double METRES_PER_DEGREE = 111_320;

    public enum PlacedBy { ADDRESS, HOUSEHOLD, COORDINATES }

    public record Extra(UUID wishId, UUID appId, String token, Optional<Double> lat, Optional<Double> lon,
                        Optional<UUID> addressId, Optional<String> mediaUrl, PlacedBy placedBy) {
    }

    public Mono<Void> insert(Extra extra) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into open311_request (wish_id, app_id, token, lat, long, address_id, media_url, placed_by)
                        values (:wishId, :appId, :token, :lat, :long, :addressId, :mediaUrl, :placedBy)""")
                .bind("wishId", extra.wishId()).bind("appId", extra.appId()).bind("token", extra.token())
                .bind("placedBy", extra.placedBy().name());
        insert = Sql.bind(insert, "lat", extra.lat(), Double.class);
        insert = Sql.bind(insert, "long", extra.lon(), Double.class);
        insert = Sql.bind(insert, "addressId", extra.addressId(), UUID.class);
        insert = Sql.bind(insert, "mediaUrl", extra.mediaUrl(), String.class);
        return insert.fetch().rowsUpdated().then();
    }

    public Mono<Map<UUID, Extra>> of(Collection<UUID> wishIds) {
        return db.sql("select * from open311_request where wish_id = any(:ids)")
                .bind("ids", wishIds.toArray(UUID[]::new))
                .map(row -> new Extra(row.get("wish_id", UUID.class), row.get("app_id", UUID.class),
                        row.get("token", String.class), Optional.ofNullable(row.get("lat", Double.class)),
                        Optional.ofNullable(row.get("long", Double.class)), Optional.ofNullable(row.get("address_id", UUID.class)),
                        Optional.ofNullable(row.get("media_url", String.class)),
                        PlacedBy.valueOf(row.get("placed_by", String.class))))
                .all()
                .collectMap(Extra::wishId);
    }

    /** The wish a token stands for, if that app posted it. */
    public Mono<UUID> wishOfToken(String token, UUID appId) {
        return db.sql("select wish_id from open311_request where token = :token and app_id = :appId")
                .bind("token", token).bind("appId", appId)
                .map(row -> row.get("wish_id", UUID.class)).one();
    }

    /**
     * The micro-grid of the nearest request that was placed by its address, within {@value #NEAR_METRES}
     * metres: the platform keeps no micro-grid boundaries, so coordinates are placed by the addresses
     * residents gave nearby.
     */
    public Mono<UUID> microGridNear(double lat, double lon) {
        double dLat = NEAR_METRES / METRES_PER_DEGREE;
        double dLon = NEAR_METRES / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return db.sql("""
                        select w.micro_grid_id from open311_request r join wish w on w.id = r.wish_id
                        where r.placed_by <> 'COORDINATES' and r.lat between :lat - :dLat and :lat + :dLat
                          and r.long between :long - :dLon and :long + :dLon
                        order by power(r.lat - :lat, 2) + power((r.long - :long) * cos(radians(:lat)), 2)
                        limit 1""")
                .bind("lat", lat).bind("long", lon).bind("dLat", dLat).bind("dLon", dLon)
                .map(row -> row.get("micro_grid_id", UUID.class)).one();
    }
}
