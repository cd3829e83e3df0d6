package org.opportune.api.salesperson;

import java.math.BigDecimal;

/**
 * A salesperson (DOMAIN §1). Used both as what a client sends and what the service returns;
 * {@code version} is owned by the server and ignored on input.
 *
 * @param code              the key, up to 20 characters, stored upper-case
 * @param name              required, up to 50 characters
 * @param commissionPercent 0 to 100, may be null
 * @param blocked           a blocked salesperson cannot be given to new or changed opportunities or contacts
 * @param version           the row version, for optimistic concurrency
 */
public record Salesperson(String code, String name, String email, String phone, String jobTitle,
        BigDecimal commissionPercent, boolean blocked, Long version) {

    public static final int CODE_LENGTH = 20;
    public static final int NAME_LENGTH = 50;
    public static final int EMAIL_LENGTH = 80;
    public static final int PHONE_LENGTH = 30;
    public static final int JOB_TITLE_LENGTH = 30;

    public Salesperson withBlocked(boolean newBlocked) {
        return new Salesperson(code, name, email, phone, jobTitle, commissionPercent, newBlocked, version);
    }
}
