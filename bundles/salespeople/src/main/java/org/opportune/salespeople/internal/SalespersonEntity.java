package org.opportune.salespeople.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.persistence.AuditedEntity;

@Entity
@Table(name = "SALESPERSON", indexes = @Index(name = "SALESPERSON_NAME", columnList = "NAME"))
public class SalespersonEntity extends AuditedEntity {
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

    /**
     * The login acting as this salesperson, as given (logins are case-sensitive). The service refuses a taken one
     * by name; the constraint (many nulls allowed) holds against two requests racing for the same one.
     */
    @Column(name = "USER_NAME", length = Salesperson.USER_NAME_LENGTH, unique = true)
    private String userName;

    protected SalespersonEntity() {
    }

    SalespersonEntity(String code) {
        this.code = code;
    }

    /** @param userName the user name checked and with blank made null */
    void apply(SalespersonValues values, String userName) {
        name = values.name().trim();
        email = values.email();
        phone = values.phone();
        jobTitle = values.jobTitle();
        commissionPercent = values.commissionPercent();
        blocked = values.blocked();
        this.userName = userName;
    }

    SalespersonView toView() {
        return new SalespersonView(code, name, email, phone, jobTitle,
                commissionPercent == null ? null : commissionPercent.stripTrailingZeros(), blocked, userName,
                version(), changedBy(), changedAt());
    }

    String code() {
        return code;
    }
}
