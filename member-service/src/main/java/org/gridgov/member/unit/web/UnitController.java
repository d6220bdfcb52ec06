package org.gridgov.member.unit.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.member.privacy.PhoneNumbers;
import org.gridgov.member.unit.Units;
import org.gridgov.member.unit.domain.MemberUnit;
import org.gridgov.member.unit.domain.UnitKind;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/units", produces = "application/json")
record UnitController(Units units, Idempotency idempotency) {

    record NewContact(@NotBlank @Size(max = 60) String name, @Size(max = 60) String role,
                      @Pattern(regexp = PhoneNumbers.PATTERN) String phone) {
    }

    /** @param id optional: lets an import keep the ids of an existing register */
    record NewUnit(UUID id, @NotBlank @Size(max = 100) String name, @NotNull UnitKind kind,
                   @NotEmpty @Size(max = 20) List<@NotNull UUID> communityIds, @Size(max = 10) List<@Valid NewContact> contacts) {
    }

    record ContactView(String name, String role, String phone) {
    }

    /** A unit; contacts only on the single unit, their phones masked unless the caller may see them. */
    record UnitView(UUID id, String name, UnitKind kind, List<UUID> communityIds, List<ContactView> contacts,
                    Instant joinedAt) {

        static UnitView of(MemberUnit unit, boolean fullPhones) {
            return new UnitView(unit.id(), unit.name(), unit.kind(), unit.communityIds(), unit.contacts().stream()
                    .map(contact -> new ContactView(contact.name(), contact.role(),
                            fullPhones ? contact.phone() : PhoneNumbers.mask(contact.phone())))
                    .toList(), unit.joinedAt());
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "joinUnit", summary = "A member unit joins a community's Grand Party Committee (大党委)")
    Mono<ResponseEntity<UnitView>> join(@Valid @RequestBody NewUnit body, @AuthenticationPrincipal Caller caller,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        List<MemberUnit.Contact> contacts = body.contacts() == null ? List.of() : body.contacts().stream()
                .map(contact -> new MemberUnit.Contact(contact.name().strip(), contact.role(), contact.phone())).toList();
        Units.NewUnit request = new Units.NewUnit(Optional.ofNullable(body.id()), body.name(), body.kind(), body.communityIds(),
                contacts);
        return idempotency.created(key, caller, "POST /api/units " + body, UnitView.class,
                () -> units.join(request, caller).map(unit -> UnitView.of(unit, true)), view -> "/api/units/" + view.id());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getUnit", summary = "A member unit")
    Mono<UnitView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return units.find(id).flatMap(unit -> units.seesContacts(unit, caller).map(full -> UnitView.of(unit, full)));
    }

    @GetMapping
    @Operation(operationId = "listUnits", summary = "Member units, by community, a page at a time")
    Mono<Page<UnitView>> list(@RequestParam Optional<UUID> community, @RequestParam Optional<String> cursor,
                              @RequestParam Optional<Integer> limit) {
        int size = Page.limit(limit.orElse(null));
        Optional<Cursor.NameAndId> after = Cursor.nameAndId(cursor.orElse(null));
        return units.list(community, after.map(Cursor.NameAndId::name), after.map(Cursor.NameAndId::id), size + 1)
                .map(rows -> Page.of(rows.stream().map(unit -> new UnitView(unit.id(), unit.name(), unit.kind(),
                        unit.communityIds(), List.of(), unit.joinedAt())).toList(), size, view -> Cursor.encode(view.name(), view.id())));
    }
}
