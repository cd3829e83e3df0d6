package org.opportune.cycles.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;

@Entity
@Table(name = "CLOSE_OPPORTUNITY_CODE")
public class CloseOpportunityCodeEntity {
    @Id
    @Column(name = "CODE", length = CloseOpportunityCode.CODE_LENGTH)
    private String code;

    @Column(name = "DESCRIPTION", length = CloseOpportunityCode.DESCRIPTION_LENGTH)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "CODE_TYPE", length = 10, nullable = false)
    private CloseOpportunityCodeType type;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected CloseOpportunityCodeEntity() {
    }

    CloseOpportunityCodeEntity(String code) {
        this.code = code;
    }

    void apply(CloseOpportunityCode values) {
        description = values.description();
        type = values.type();
    }

    CloseOpportunityCode toRecord() {
        return new CloseOpportunityCode(code, description, type, version);
    }

    long version() {
        return version;
    }
}
