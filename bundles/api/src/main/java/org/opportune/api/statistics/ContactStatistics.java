package org.opportune.api.statistics;

/**
 * A contact's figures (DOMAIN §8): over every opportunity of the contact, closed ones included; for
 * a company, the opportunities of its persons too ({@code includesPersons}).
 */
public record ContactStatistics(String contactNo, boolean includesPersons, Figures figures) {
}
