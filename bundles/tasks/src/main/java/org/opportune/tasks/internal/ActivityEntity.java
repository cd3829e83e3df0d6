package org.opportune.tasks.internal;

import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.persistence.AuditedEntity;

/** An activity; its steps are rows of their own, kept together with it by the service. */
@Entity
@Table(name = "ACTIVITY")
public class ActivityEntity extends AuditedEntity {
    @Id
    @Column(name = "CODE", length = Activity.CODE_LENGTH)
    private String code;

    @Column(name = "DESCRIPTION", length = Activity.DESCRIPTION_LENGTH, nullable = false)
    private String description;

    protected ActivityEntity() {
    }

    ActivityEntity(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    void describe(String description) {
        this.description = description;
    }

    /**
     * @param steps the activity's steps by number; its version and last change cover them too, as the service
     *              raises and stamps the activity with every step change
     */
    ActivityView toView(List<ActivityStepEntity> steps) {
        return new ActivityView(code, description,
                steps.stream().<ActivityStep>map(ActivityStepEntity::toView).toList(), version(), changedBy(),
                changedAt());
    }
}
