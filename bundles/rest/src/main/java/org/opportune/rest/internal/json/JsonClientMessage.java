package org.opportune.rest.internal.json;

/** Marks a Jackson exception of ours whose original message is written for the client, e.g. "must have at most …". */
public interface JsonClientMessage {
}
