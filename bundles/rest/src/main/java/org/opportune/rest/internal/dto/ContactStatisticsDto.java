package org.opportune.rest.internal.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.statistics.ContactStatistics;

/** A contact's figures (DOMAIN §8); a company's include its persons'. */
@Schema(name = "ContactStatistics")
public record ContactStatisticsDto(String contactNo, boolean includesPersons, FiguresDto figures) {

    public static ContactStatisticsDto of(ContactStatistics statistics) {
        return new ContactStatisticsDto(statistics.contactNo(), statistics.includesPersons(),
                FiguresDto.of(statistics.figures()));
    }
}
