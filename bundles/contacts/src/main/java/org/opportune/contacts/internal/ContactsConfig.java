package org.opportune.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Opportune contacts",
        description = "How contact numbers are given out")
public @interface ContactsConfig {
    String PID = "org.opportune.contacts";

    @AttributeDefinition(description = "Text in front of every contact number given by the number series")
    String numberPrefix() default "CT";

    @AttributeDefinition(description = "How many digits the number is padded to (1 to 18)", min = "1", max = "18")
    int numberDigits() default 6;
}
