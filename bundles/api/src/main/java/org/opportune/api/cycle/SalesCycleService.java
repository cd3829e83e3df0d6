package org.opportune.api.cycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales cycles and their stages, and the probability models they name. Each call is one
 * transaction. Sortable fields: {@link #SORT_FIELDS}.
 * <p>
 * Field errors name fields as a client sends them: {@code code}, {@code probabilityCalculation},
 * {@code stages[1].completedPercent} in a cycle; {@code completedPercent} in a single stage.
 * A cycle's {@code version} changes with every change of the cycle or any of its stages; each
 * stage also has its own {@code version}.
 */
@ProviderType
public interface SalesCycleService {
    List<String> SORT_FIELDS = List.of("code", "description", "probabilityCalculation", "blocked");

    /**
     * Creates a cycle with the stages it names, in one transaction.
     *
     * @throws ValidationException a field is invalid (every one is named), two stages have the same
     *                             number ({@code stages[i].stage}), or {@code probabilityCalculation}
     *                             names a model that is not installed (the message lists the installed ones)
     * @throws ConflictException   the code is taken
     */
    SalesCycle create(String code, SalesCycleValues values);

    /** @return the cycle with its stages, matched case-insensitively on the code */
    Optional<SalesCycle> find(String code);

    /** @throws NotFoundException there is no such cycle */
    SalesCycle get(String code);

    /** Cycles with their stages. */
    Page<SalesCycle> list(SalesCycleQuery query, PageRequest page);

    /**
     * Replaces every editable field; when {@code values.stages()} is set it also replaces the
     * stage list (stages matched by number are updated, missing ones deleted, new ones added).
     * {@code probabilityCalculation} is checked against the installed models only when it changes,
     * so a cycle whose model has gone away can still be edited otherwise.
     *
     * @param expectedVersion the cycle version the client read, or null to skip the check
     * @throws StaleVersionException the cycle changed meanwhile
     * @throws ConflictException     a stage to be deleted is in use ({@link UsageResources#SALES_CYCLE_STAGE})
     */
    SalesCycle update(String code, SalesCycleValues values, Long expectedVersion);

    /**
     * Deletes the cycle and its stages.
     *
     * @throws ConflictException a usage check refuses the cycle ({@link UsageResources#SALES_CYCLE},
     *                           e.g. open opportunities) or one of its stages
     *                           ({@link UsageResources#SALES_CYCLE_STAGE})
     */
    void delete(String code, Long expectedVersion);

    /**
     * Checks a cycle can be given to a new opportunity or one whose cycle changes.
     *
     * @param field the field to name in the error
     * @throws ValidationException the code is blank ("is required") or the cycle does not exist
     * @throws ConflictException   the cycle is blocked
     */
    SalesCycle requireAssignable(String code, String field);

    /** @return the stage, or empty when the cycle or the stage does not exist */
    Optional<SalesCycleStage> findStage(String code, int stage);

    /** @throws NotFoundException there is no such cycle or stage */
    SalesCycleStage getStage(String code, int stage);

    /**
     * Adds a stage to a cycle.
     *
     * @param expectedVersion the <em>cycle</em> version the client read, or null to skip the check
     * @throws NotFoundException     there is no such cycle
     * @throws ValidationException   a field of the stage is invalid (named without prefix)
     * @throws ConflictException     the cycle has a stage with that number already
     * @throws StaleVersionException the cycle changed meanwhile
     */
    SalesCycleStage addStage(String code, StageValues stage, Long expectedVersion);

    /**
     * Replaces every editable field of the stage {@code values.stage()}.
     *
     * @param expectedVersion the <em>stage</em> version the client read, or null to skip the check
     * @throws NotFoundException     there is no such cycle or stage
     * @throws StaleVersionException the stage changed meanwhile
     */
    SalesCycleStage replaceStage(String code, StageValues values, Long expectedVersion);

    /**
     * @param expectedVersion the <em>stage</em> version the client read, or null to skip the check
     * @throws NotFoundException     there is no such cycle or stage
     * @throws ConflictException     a usage check refuses ({@link UsageResources#SALES_CYCLE_STAGE},
     *                               e.g. active entries at the stage)
     * @throws StaleVersionException the stage changed meanwhile
     */
    void deleteStage(String code, int stage, Long expectedVersion);

    /**
     * @return every probability model registered right now, by name and then precedence (for each
     *         name, the registration in use first)
     */
    List<ProbabilityModelInfo> probabilityModels();

    /**
     * The probability model a cycle names, for computing several values.
     *
     * @throws NotFoundException    there is no such cycle
     * @throws UnavailableException the model is not installed right now
     */
    ProbabilityModel probabilityModel(String code);

    /**
     * The probability model a cycle just read names: the same as {@link #probabilityModel(String)} without reading
     * the cycle again (a move reads it once).
     *
     * @param cycle as {@link #find} or {@link #get} returned it
     * @throws UnavailableException the model is not installed right now
     * @since 2.1
     */
    default ProbabilityModel probabilityModel(SalesCycle cycle) {
        return probabilityModel(cycle.code());
    }

    /**
     * Computes a probability % with the model the cycle names, without rounding.
     *
     * @throws NotFoundException    there is no such cycle
     * @throws UnavailableException the model is not installed right now ("probability model X is not available")
     */
    BigDecimal probability(String code, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent);
}
