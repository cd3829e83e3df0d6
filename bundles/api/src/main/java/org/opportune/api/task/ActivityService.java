package org.opportune.api.task;

import java.util.List;
import java.util.Optional;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Activities (DOMAIN §10). Each call is one transaction; changes need {@code opportune-admin}
 * ({@link org.opportune.api.AccessDeniedException} otherwise), every role reads.
 */
@ProviderType
public interface ActivityService {
    List<String> SORT_FIELDS = List.of("code", "description");

    /**
     * @throws org.opportune.api.ValidationException a field or step is invalid (names the field)
     * @throws org.opportune.api.ConflictException   the code is taken
     */
    Activity create(String code, ActivityValues values);

    Optional<Activity> find(String code);

    /** @throws org.opportune.api.NotFoundException there is no such activity */
    Activity get(String code);

    /** @param text code or description contains it, case-insensitive; null for all */
    Page<Activity> list(String text, PageRequest page);

    /** Replaces the description and every step. */
    Activity update(String code, ActivityValues values, Long expectedVersion);

    /** Adds one step (numbered last + 1 when its number is null). */
    Activity addStep(String code, ActivityStepValues step, Long expectedVersion);

    /** @throws org.opportune.api.NotFoundException the activity or the step does not exist */
    Activity deleteStep(String code, int step, Long expectedVersion);

    /**
     * Deletes the activity and its steps; tasks made from it keep their activity code.
     *
     * @throws org.opportune.api.ConflictException a sales cycle stage names it (a
     *                                             {@link org.opportune.api.UsageCheck} of
     *                                             {@link org.opportune.api.UsageResources#ACTIVITY})
     */
    void delete(String code, Long expectedVersion);
}
