package org.opportune.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A code-keyed master record for the tests of {@link CodedRecords}. */
@Entity
@Table(name = "TEST_COLOUR")
public class ColourEntity extends AuditedEntity {
    @Id
    @Column(name = "CODE", length = 10)
    private String code;

    @Column(name = "NAME", length = 30)
    private String name;

    protected ColourEntity() {
    }

    ColourEntity(String code) {
        this.code = code;
    }

    void name(String newName) {
        name = newName;
    }

    Colour toView() {
        return new Colour(code, name, version(), changedBy(), changedAt());
    }
}
