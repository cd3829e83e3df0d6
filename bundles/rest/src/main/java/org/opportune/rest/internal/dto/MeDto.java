package org.opportune.rest.internal.dto;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who the caller is, as Opportune sees it.
 *
 * @param roles           the Opportune roles the user has, sorted; other roles of the realm are not listed
 * @param salespersonCode the salesperson whose userName is the user's, null when none is
 */
@Schema(name = "Me")
public record MeDto(String userName,
        @Schema(description = "the Opportune roles the user has (opportune-admin, sales-manager, salesperson, "
                + "sales-viewer), sorted") List<String> roles,
        @Schema(description = "the salesperson the user acts as (its userName is the user's); null when none is",
                nullable = true) String salespersonCode) {

    public MeDto {
        roles = List.copyOf(roles);
    }
}
