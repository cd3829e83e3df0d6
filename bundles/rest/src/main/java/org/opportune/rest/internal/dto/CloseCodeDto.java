package org.opportune.rest.internal.dto;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;

/** A close opportunity code as the API answers it and as a body sends it (DOMAIN §1). */
@Schema(name = "CloseOpportunityCode")
public record CloseCodeDto(String code, String description, CloseOpportunityCodeType type,
        @Schema(description = ServerOwned.VERSION, accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements CodedJson<CloseCodeDto> {

    public static CloseCodeDto of(CloseOpportunityCode closeCode) {
        return new CloseCodeDto(closeCode.code(), closeCode.description(), closeCode.type(), closeCode.version(),
                closeCode.changedBy(), closeCode.changedAt());
    }

    public CloseCodeValues toValues() {
        return CloseCodeValues.builder().description(description).type(type).build();
    }
}
