package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.opportunities.internal.TestViews.TestCycle;
import org.opportune.opportunities.internal.TestViews.TestStage;

/**
 * Sales cycles kept in a map, with the four built-in probability models of DOMAIN §4.3 that tests
 * may remove; checks and refusals as the cycles module gives them.
 */
class FakeCycles implements SalesCycleService {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, SalesCycle> cycles = new ConcurrentHashMap<>();
    private final Map<String, BinaryOperator<BigDecimal>> models = new ConcurrentHashMap<>();
    /** How often a probability was computed, to show that refused moves never got that far. */
    final AtomicInteger probabilityCalls = new AtomicInteger();
    /** How often every cycle was listed. */
    final AtomicInteger listCalls = new AtomicInteger();

    FakeCycles() {
        models.put("MULTIPLY", (completed, chances) -> chances.multiply(completed).divide(HUNDRED, MathContext.DECIMAL64));
        models.put("ADD", (completed, chances) -> chances.add(completed).divide(BigDecimal.valueOf(2),
                MathContext.DECIMAL64));
        models.put("CHANCES_OF_SUCCESS", (completed, chances) -> chances);
        models.put("COMPLETED", (completed, chances) -> completed);
    }

    void add(String code, String model, boolean blocked, SalesCycleStage... stages) {
        cycles.put(code, new TestCycle(code, code + " cycle", model, blocked, models.containsKey(model),
                List.of(stages)));
    }

    void removeModel(String name) {
        models.remove(name);
    }

    static SalesCycleStage stage(int number, String description, String completed, String chances, String formula,
            boolean allowSkip, boolean quoteRequired) {
        return stage(number, description, completed, chances, formula, allowSkip, quoteRequired, null);
    }

    static SalesCycleStage stage(int number, String description, String completed, String chances, String formula,
            boolean allowSkip, boolean quoteRequired, String activityCode) {
        return new TestStage(number, description, new BigDecimal(completed), new BigDecimal(chances), activityCode,
                quoteRequired, allowSkip, formula);
    }

    /** A stage without activity whose deals are stale after {@code maxDaysIdle} idle days. */
    static SalesCycleStage idleStage(int number, String completed, String chances, Integer maxDaysIdle) {
        return new TestStage(number, "Stage " + number, new BigDecimal(completed), new BigDecimal(chances), null,
                false, true, null).withMaxDaysIdle(maxDaysIdle);
    }

    void remove(String code) {
        cycles.remove(code);
    }

    @Override
    public Optional<SalesCycle> find(String code) {
        String key = Codes.normalise(code);
        return key == null ? Optional.empty() : Optional.ofNullable(cycles.get(key));
    }

    @Override
    public SalesCycle get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("sales cycle", code));
    }

    @Override
    public SalesCycle requireAssignable(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        SalesCycle cycle = find(code).orElseThrow(() -> new ValidationException(field,
                "names sales cycle " + code + ", which does not exist"));
        if (cycle.blocked()) {
            throw new ConflictException("sales cycle " + cycle.code() + " is blocked",
                    List.of(new FieldError(field, "names a blocked sales cycle")));
        }
        return cycle;
    }

    @Override
    public Optional<SalesCycleStage> findStage(String code, int stage) {
        return find(code).flatMap(cycle -> cycle.stages().stream().filter(s -> s.stage() == stage).findFirst());
    }

    @Override
    public SalesCycleStage getStage(String code, int stage) {
        return findStage(code, stage).orElseThrow(() -> new NotFoundException("sales cycle stage", code + "/" + stage));
    }

    @Override
    public ProbabilityModel probabilityModel(String code) {
        String name = get(code).probabilityCalculation();
        BinaryOperator<BigDecimal> model = models.get(name);
        if (model == null) {
            throw new UnavailableException("probability model " + name + " is not available");
        }
        return new ProbabilityModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
                return model.apply(completedPercent, chancesOfSuccessPercent);
            }

            @Override
            public String description() {
                return name;
            }
        };
    }

    @Override
    public BigDecimal probability(String code, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        probabilityCalls.incrementAndGet();
        return probabilityModel(code).probability(completedPercent, chancesOfSuccessPercent);
    }

    @Override
    public List<ProbabilityModelInfo> probabilityModels() {
        List<ProbabilityModelInfo> infos = new ArrayList<>();
        models.keySet().stream().sorted().forEach(name -> infos.add(new ProbabilityModelInfo(name, name, null, 0, true)));
        return infos;
    }

    @Override
    public SalesCycle create(String code, SalesCycleValues values) {
        throw new AssertionError("opportunities never create cycles");
    }

    /** Every cycle by code (opportunities list them all for the stages' idle limits; no filter, no sort). */
    @Override
    public Page<SalesCycle> list(SalesCycleQuery query, PageRequest page) {
        if (!SalesCycleQuery.all().equals(query) || !page.sort().isEmpty()) {
            throw new AssertionError("opportunities list every cycle in the default order, not " + query);
        }
        listCalls.incrementAndGet();
        List<SalesCycle> all = cycles.values().stream().sorted(java.util.Comparator.comparing(SalesCycle::code))
                .toList();
        List<SalesCycle> slice = all.subList(Math.min(page.offset(), all.size()),
                Math.min(page.offset() + page.limit(), all.size()));
        return new Page<>(slice, all.size(), page.offset(), page.limit());
    }

    @Override
    public SalesCycle update(String code, SalesCycleValues values, Long expectedVersion) {
        throw new AssertionError("opportunities never change cycles");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("opportunities never delete cycles");
    }

    @Override
    public SalesCycleStage addStage(String code, StageValues stage, Long expectedVersion) {
        throw new AssertionError("opportunities never change stages");
    }

    @Override
    public SalesCycleStage replaceStage(String code, StageValues values, Long expectedVersion) {
        throw new AssertionError("opportunities never change stages");
    }

    @Override
    public void deleteStage(String code, int stage, Long expectedVersion) {
        throw new AssertionError("opportunities never change stages");
    }
}
