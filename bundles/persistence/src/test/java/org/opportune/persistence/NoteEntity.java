package org.opportune.persistence;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "TEST_NOTE")
public class NoteEntity {
    @Id
    private String id;

    protected NoteEntity() {
    }

    NoteEntity(String id) {
        this.id = id;
    }
}
