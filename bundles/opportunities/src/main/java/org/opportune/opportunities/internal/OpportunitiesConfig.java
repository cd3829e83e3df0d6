package org.opportune.opportunities.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Opportune opportunities",
        description = "How opportunity numbers are given out and how often stale deals are looked for")
public @interface OpportunitiesConfig {
    String PID = "org.opportune.opportunities";

    @AttributeDefinition(description = "Text in front of every opportunity number given by the number series")
    String numberPrefix() default "OP";

    @AttributeDefinition(description = "How many digits the number is padded to (1 to 18)", min = "1", max = "18")
    int numberDigits() default 6;

    @AttributeDefinition(description = "Seconds between two looks for deals that became stale (DOMAIN §11), on every"
            + " node; the first look is shortly after the start", min = "1")
    int staleCheckSeconds() default 3600;
}
