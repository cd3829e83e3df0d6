package org.opportune.salespeople.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opportune.api.salesperson.Salesperson;

@Entity
@Table(name = "SALESPERSON", indexes = @Index(name = "SALESPERSON_NAME", columnList = "NAME"))
public class SalespersonEntity {
    @Id
    @Column(name = "CODE", length = Salesperson.CODE_LENGTH)
    private String code;

    @Column(name = "NAME", length = Salesperson.NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "EMAIL", length = Salesperson.EMAIL_LENGTH)
    private String email;

    @Column(name = "PHONE", length = Salesperson.PHONE_LENGTH)
    private String phone;

    @Column(name = "JOB_TITLE", length = Salesperson.JOB_TITLE_LENGTH)
    private String jobTitle;

    @Column(name = "COMMISSION_PERCENT", precision = 8, scale = 5)
    private BigDecimal commissionPercent;

    @Column(name = "BLOCKED", nullable = false)
    private boolean blocked;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected SalespersonEntity() {
    }

    SalespersonEntity(String code) {
        this.code = code;
    }

    void apply(Salesperson values) {
        name = values.name().trim();
        email = values.email();
        phone = values.phone();
        jobTitle = values.jobTitle();
        commissionPercent = values.commissionPercent();
        blocked = values.blocked();
    }

    Salesperson toRecord() {
        return new Salesperson(code, name, email, phone, jobTitle,
                commissionPercent == null ? null : commissionPercent.stripTrailingZeros(), blocked, version);
    }

    long version() {
        return version;
    }
}
