package org.opportune.api.cycle;

/**
 * A close opportunity code (DOMAIN §1): the reason an opportunity was won or lost. Closing needs a
 * code of the matching type. Used both as what a client sends and what the service returns.
 *
 * @param code        the key, up to 10 characters, stored upper-case
 * @param description up to 100 characters, may be null
 * @param type        required
 * @param version     the row version, for optimistic concurrency; owned by the server
 */
public record CloseOpportunityCode(String code, String description, CloseOpportunityCodeType type, Long version) {
    public static final int CODE_LENGTH = 10;
    public static final int DESCRIPTION_LENGTH = 100;
}
