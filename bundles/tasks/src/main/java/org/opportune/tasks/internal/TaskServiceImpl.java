package org.opportune.tasks.internal;

import static org.opportune.api.Codes.normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.LockModeType;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.contact.Contact;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.task.NewTask;
import org.opportune.api.task.SalespersonTasks;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskChange;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tasks (DOMAIN §10, §12): made by hand here, by moves in {@link TaskParticipant}. What a caller sees and changes is
 * a condition of every query ({@link TaskScope}). Other modules are asked before the transaction opens: they read on
 * connections of their own, and a request never holds two pooled connections.
 */
@Component(immediate = true, service = TaskService.class, configurationPid = TasksConfig.PID,
        property = "opportune.module=tasks")
@Designate(ocd = TasksConfig.class)
public class TaskServiceImpl implements TaskService {
    private static final Listing<TaskEntity> LISTING = new Listing<>(TaskEntity.class,
            Map.of("no", "no", "date", "date", "priority", "priority", "status", "status", "type", "type",
                    "salespersonCode", "salespersonCode", "contactNo", "contactNo", "opportunityNo", "opportunityNo"),
            "no");
    private static final List<SortKey> DEFAULT_SORT = List.of(new SortKey("date", false));

    private final TasksDatabase database;
    private final JpaUnit jpa;
    private final CallerContext callers;
    private final Collaborators collaborators;
    private final TaskAccess access;
    private final TaskNumbers numbers;

    @Activate
    public TaskServiceImpl(@Reference TasksDatabase database, @Reference CallerContext callers,
            @Reference Collaborators collaborators, TasksConfig config) {
        this.database = database;
        this.jpa = database.jpa();
        this.callers = callers;
        this.collaborators = collaborators;
        this.access = new TaskAccess(collaborators, callers);
        this.numbers = TaskNumbers.configured(config);
    }

    @Override
    public Task create(NewTask task) {
        TaskWriter writer = access.writes();
        NewTask input = task == null ? new NewTask(null, null, null, null, null, null, null) : task;
        Violations violations = new Violations();
        violations.required("type", input.type())
                .requiredText("description", input.description(), Task.DESCRIPTION_LENGTH)
                .required("date", input.date())
                .maxLength("salespersonCode", input.salespersonCode(), Salesperson.CODE_LENGTH)
                .maxLength("contactNo", input.contactNo(), Contact.NO_LENGTH)
                .maxLength("opportunityNo", input.opportunityNo(), Opportunity.NO_LENGTH);
        violations.throwIfAny();
        CheckedTask checked = checkLinks(writer, input);
        return jpa.inTransaction(em -> {
            long number = ((Number) em.createNativeQuery(database.nextTaskNumberSql()).getSingleResult()).longValue();
            TaskEntity entity = new TaskEntity(numbers.format(number), checked);
            em.persist(stamp().on(entity));
            em.flush();
            return entity.toView();
        });
    }

    /**
     * Checks and defaults what a new task names: its opportunity (which the caller must see), contact (the
     * opportunity's by default) and salesperson (given, else the caller's own for a salesperson, else the
     * opportunity's, else the contact's).
     */
    private CheckedTask checkLinks(TaskWriter writer, NewTask input) {
        String own = writer.ownOnly() ? writer.ownSalesperson() : null;
        String opportunityNo = normalise(input.opportunityNo());
        Optional<Opportunity> opportunity = Optional.empty();
        if (opportunityNo != null) {
            try {
                // applies the caller's ownership: another salesperson's opportunity is missing
                opportunity = Optional.of(collaborators.opportunities().get(opportunityNo));
            } catch (NotFoundException e) {
                throw new ValidationException("opportunityNo", "names opportunity " + opportunityNo
                        + ", which does not exist");
            }
        }
        String contactNo = normalise(input.contactNo());
        Optional<Contact> contact = Optional.empty();
        if (contactNo != null) {
            contact = collaborators.contacts().find(contactNo);
            if (contact.isEmpty()) {
                throw new ValidationException("contactNo", "names contact " + contactNo + ", which does not exist");
            }
        } else {
            contactNo = opportunity.map(Opportunity::contactNo).orElse(null);
        }
        String salespersonCode = normalise(input.salespersonCode());
        if (salespersonCode == null) {
            salespersonCode = own != null ? own
                    : opportunity.map(Opportunity::salespersonCode)
                            .orElse(contact.map(Contact::salespersonCode).orElse(null));
        }
        if (salespersonCode == null) {
            throw new ValidationException("salespersonCode", "is required: neither an opportunity nor a contact with"
                    + " a salesperson gives one");
        }
        writer.checkSalesperson(salespersonCode);
        String assignable = collaborators.salespeople().requireAssignable(salespersonCode, "salespersonCode").code();
        return new CheckedTask(input.type(), input.description(), input.date(),
                input.priority() == null ? TaskPriority.NORMAL : input.priority(), assignable, contactNo,
                opportunityNo);
    }

    @Override
    public Optional<Task> find(String no) {
        String key = normalise(no);
        TaskScope scope = access.reads();
        if (key == null || scope.empty()) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(TaskEntity.class, key))
                .filter(task -> scope.covers(task.salespersonCode())).map(TaskEntity::toView));
    }

    @Override
    public Task get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException(TaskWriter.RESOURCE, normalise(no)));
    }

    @Override
    public Page<Task> list(TaskQuery query, PageRequest page) {
        TaskQuery filter = query == null ? TaskQuery.all() : query;
        TaskScope scope = access.reads();
        LocalDate today = collaborators.today();
        PageRequest sorted = page.sort().isEmpty() ? new PageRequest(page.offset(), page.limit(), DEFAULT_SORT) : page;
        return jpa.read(em -> LISTING.page(em, (cb, root) -> {
            List<Predicate> where = conditions(cb, root, filter, today);
            scope.predicate(cb, root.get("salespersonCode")).ifPresent(where::add);
            return where;
        }, sorted).map(TaskEntity::toView));
    }

    private static List<Predicate> conditions(CriteriaBuilder cb, Root<TaskEntity> root, TaskQuery filter,
            LocalDate today) {
        List<Predicate> where = new ArrayList<>();
        // a blank filter filters nothing
        equalIfGiven(cb, root, where, "opportunityNo", normalise(filter.opportunityNo()));
        equalIfGiven(cb, root, where, "salespersonCode", normalise(filter.salespersonCode()));
        equalIfGiven(cb, root, where, "contactNo", normalise(filter.contactNo()));
        if (filter.status() != null) {
            where.add(cb.equal(root.get("status"), filter.status()));
        }
        if (filter.dateFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("date"), filter.dateFrom()));
        }
        if (filter.dateTo() != null) {
            where.add(cb.lessThanOrEqualTo(root.get("date"), filter.dateTo()));
        }
        if (filter.overdue() != null) {
            Predicate overdue = cb.and(cb.equal(root.get("status"), TaskStatus.OPEN),
                    cb.lessThan(root.get("date"), today));
            where.add(filter.overdue() ? overdue : cb.not(overdue));
        }
        return where;
    }

    private static void equalIfGiven(CriteriaBuilder cb, Root<TaskEntity> root, List<Predicate> where,
            String attribute, String value) {
        if (value != null) {
            where.add(cb.equal(root.get(attribute), value));
        }
    }

    @Override
    public Task change(String no, TaskChange change, Long expectedVersion) {
        TaskWriter writer = access.writes();
        TaskChange input = change == null ? new TaskChange(null, null, null, null) : change;
        Violations violations = new Violations();
        if (input.description() != null) {
            violations.requiredText("description", input.description(), Task.DESCRIPTION_LENGTH);
        }
        violations.maxLength("salespersonCode", input.salespersonCode(), Salesperson.CODE_LENGTH);
        violations.throwIfAny();
        String salespersonCode = checkedReassignment(writer, no, normalise(input.salespersonCode()));
        return changeOpen(writer, no, expectedVersion, task -> {
            if (input.description() != null) {
                task.describe(input.description());
            }
            if (input.date() != null) {
                task.reschedule(input.date());
            }
            if (input.priority() != null) {
                task.prioritise(input.priority());
            }
            if (salespersonCode != null) {
                task.assign(salespersonCode);
            }
        });
    }

    /**
     * @param code the salesperson a change gives the task, null for none
     * @return the code to give it, null to keep the task's
     * @throws org.opportune.api.AccessDeniedException a salesperson gives its task to another salesperson
     */
    private String checkedReassignment(TaskWriter writer, String no, String code) {
        if (code == null) {
            return null;
        }
        writer.checkSalesperson(code);
        String key = normalise(no);
        String current = key == null ? null
                : jpa.read(em -> Optional.ofNullable(em.find(TaskEntity.class, key)).map(TaskEntity::salespersonCode)
                        .orElse(null));
        // a task keeps its salesperson even when that one is blocked meanwhile
        return code.equals(current) ? code
                : collaborators.salespeople().requireAssignable(code, "salespersonCode").code();
    }

    @Override
    public Task complete(String no, LocalDate dateCompleted, Long expectedVersion) {
        TaskWriter writer = access.writes();
        LocalDate today = collaborators.today();
        LocalDate completed = dateCompleted == null ? today : dateCompleted;
        if (completed.isAfter(today)) {
            throw new ValidationException("dateCompleted", "must not be in the future (today is " + today + ")");
        }
        return changeOpen(writer, no, expectedVersion, task -> task.complete(completed));
    }

    @Override
    public Task cancel(String no, Long expectedVersion) {
        return changeOpen(access.writes(), no, expectedVersion, TaskEntity::cancel);
    }

    /**
     * Changes an open task in one transaction, locked at the version the client read; stamped when a value
     * changed.
     *
     * @throws NotFoundException     there is no such task, or the caller may not see it
     * @throws StaleVersionException the task changed meanwhile
     * @throws ConflictException     the task is completed or canceled
     */
    private Task changeOpen(TaskWriter writer, String no, Long expectedVersion,
            Consumer<TaskEntity> change) {
        String key = normalise(no);
        return jpa.inTransaction(em -> {
            TaskEntity task = key == null ? null : em.find(TaskEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (task == null) {
                throw new NotFoundException(TaskWriter.RESOURCE, key);
            }
            writer.checkChanges(key, task.salespersonCode());
            if (expectedVersion != null && expectedVersion != task.version()) {
                throw new StaleVersionException(TaskWriter.RESOURCE, key, task.version());
            }
            if (task.status().isFinal()) {
                throw new ConflictException("task " + key + " is " + task.status()
                        + "; a completed or canceled task does not change any more");
            }
            change.accept(task);
            stamp().onChanged(em, task);
            em.flush();
            return task.toView();
        });
    }

    @Override
    public List<SalespersonTasks> countsBySalesperson(LocalDate completedFrom, LocalDate completedTo) {
        TaskScope scope = access.reads();
        if (scope.empty()) {
            return List.of();
        }
        LocalDate today = collaborators.today();
        return jpa.read(em -> TaskCounts.query(em, scope, today, completedFrom, completedTo));
    }

    private ChangeStamp stamp() {
        return ChangeStamp.now(callers, collaborators.clock());
    }

}
