package org.opportune.cycles.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.persistence.AuditedEntity;

@Entity
@Table(name = "CLOSE_OPPORTUNITY_CODE")
public class CloseOpportunityCodeEntity extends AuditedEntity {
    @Id
    @Column(name = "CODE", length = CloseOpportunityCode.CODE_LENGTH)
    private String code;

    @Column(name = "DESCRIPTION", length = CloseOpportunityCode.DESCRIPTION_LENGTH)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "CODE_TYPE", length = 10, nullable = false)
    private CloseOpportunityCodeType type;

    protected CloseOpportunityCodeEntity() {
    }

    CloseOpportunityCodeEntity(String code) {
        this.code = code;
    }

    void apply(CloseCodeValues values) {
        description = values.description();
        type = values.type();
    }

    CloseOpportunityCodeView toView() {
        return new CloseOpportunityCodeView(code, description, type, version(), changedBy(), changedAt());
    }
}
