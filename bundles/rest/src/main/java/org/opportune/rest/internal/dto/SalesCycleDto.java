package org.opportune.rest.internal.dto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;

/**
 * A sales cycle as the API answers it and as a body sends it (DOMAIN §1), with its stages. In a body
 * {@code stages} left out keeps the stages (none on create), and {@code probabilityModelAvailable}, which
 * the server computes, may be left out or sent as the server would answer it (the resource checks that).
 */
@Schema(name = "SalesCycle")
public record SalesCycleDto(String code, String description, String probabilityCalculation, boolean blocked,
        @Schema(description = "Whether the probability model named is installed right now; read-only",
                accessMode = AccessMode.READ_ONLY)
        Boolean probabilityModelAvailable,
        List<StageDto> stages,
        @Schema(description = ServerOwned.VERSION + "; it changes with every change of the cycle or one of its"
                + " stages", accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements CodedJson<SalesCycleDto> {

    public SalesCycleDto {
        // a copy that keeps null elements, so that the service names them as field errors
        stages = stages == null ? null : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    public static SalesCycleDto of(SalesCycle cycle) {
        return new SalesCycleDto(cycle.code(), cycle.description(), cycle.probabilityCalculation(), cycle.blocked(),
                cycle.probabilityModelAvailable(), cycle.stages().stream().map(StageDto::of).toList(),
                cycle.version(), cycle.changedBy(), cycle.changedAt());
    }

    public SalesCycleValues toValues() {
        List<StageValues> values = null;
        if (stages != null) {
            values = new ArrayList<>();
            for (StageDto stage : stages) {
                values.add(stage == null ? null : stage.toValues(stage.stage()));
            }
        }
        return SalesCycleValues.builder().description(description).probabilityCalculation(probabilityCalculation)
                .blocked(blocked).stages(values).build();
    }

    /** The cycle with other stages, or none ({@code null}: the stages are kept as stored). */
    public SalesCycleDto withStages(List<StageDto> newStages) {
        return new SalesCycleDto(code, description, probabilityCalculation, blocked, probabilityModelAvailable,
                newStages, version, changedBy, changedAt);
    }

    /** The cycle without its availability: a merge patch starts from it, as it is computed, not stored. */
    public SalesCycleDto withoutAvailability() {
        return new SalesCycleDto(code, description, probabilityCalculation, blocked, null, stages, version, changedBy,
                changedAt);
    }

    @Override
    public void refuseServerOwned(ServerOwned owned) {
        CodedJson.super.refuseServerOwned(owned);
        forEachStage((prefix, stage) -> owned.unsetAudit(prefix, stage));
    }

    /** A stage the cycle has is sent back as read; a stage it does not have yet is new. */
    @Override
    public void refuseChanged(SalesCycleDto current, ServerOwned owned) {
        CodedJson.super.refuseChanged(current, owned);
        Map<Integer, StageDto> stored = current.stages().stream()
                .collect(Collectors.toMap(StageDto::stage, Function.identity()));
        forEachStage((prefix, stage) -> {
            StageDto now = stage.stage() == null ? null : stored.get(stage.stage());
            if (now == null) {
                owned.unsetAudit(prefix, stage);
            } else {
                owned.sameAudit(prefix, stage, now);
            }
        });
    }

    private void forEachStage(BiConsumer<String, StageDto> check) {
        if (stages == null) {
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) != null) {
                check.accept("stages[" + i + "].", stages.get(i));
            }
        }
    }
}
