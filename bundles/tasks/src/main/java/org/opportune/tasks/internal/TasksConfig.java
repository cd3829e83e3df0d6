package org.opportune.tasks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Opportune tasks", description = "How task numbers are given out")
public @interface TasksConfig {
    String PID = "org.opportune.tasks";

    @AttributeDefinition(description = "Text in front of every task number given by the number series")
    String numberPrefix() default "TK";

    @AttributeDefinition(description = "How many digits the number is padded to (1 to 18)", min = "1", max = "18")
    int numberDigits() default 6;
}
