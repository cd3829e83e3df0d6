package org.opportune.rest.internal.dto;

/**
 * The JSON of a record kept under a code (salesperson, sales cycle, close code): the code is its key,
 * given on create and then named by the path.
 */
public interface CodedJson<D extends CodedJson<D>> extends RecordJson<D> {
    String code();
}
