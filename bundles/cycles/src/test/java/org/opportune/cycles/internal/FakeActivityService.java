package org.opportune.cycles.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;

/** The tasks module's activities as far as the cycles module asks: which codes exist; every lookup is recorded. */
final class FakeActivityService implements ActivityService {
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    FakeActivityService(String... codes) {
        this.codes.addAll(List.of(codes));
    }

    void remove(String code) {
        codes.remove(code);
    }

    /** @return the codes looked up, in order */
    List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public Optional<Activity> find(String code) {
        lookups.add(code);
        return codes.contains(code) ? Optional.of(new FoundActivity(code)) : Optional.empty();
    }

    private record FoundActivity(String code) implements Activity {
        @Override
        public String description() {
            return "Activity " + code;
        }

        @Override
        public List<ActivityStep> steps() {
            return List.of();
        }

        @Override
        public long version() {
            return 1;
        }

        @Override
        public String changedBy() {
            return "system";
        }

        @Override
        public Instant changedAt() {
            return null;
        }
    }

    @Override
    public Activity create(String code, ActivityValues values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Activity get(String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Activity> list(String text, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Activity update(String code, ActivityValues values, Long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Activity addStep(String code, ActivityStepValues step, Long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Activity deleteStep(String code, int step, Long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new UnsupportedOperationException();
    }
}
